"""Reads of published work that several pages share. Each names the cache tags of what it
returns (newsroom/core/cache.py), so any page built from it is purged with it."""

import time

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from articles import cache_tags
from articles.models import Article, Photo, Quote
from newsroom.core.cache import add_tags, cached_value, expire_at
from newsroom.core.public import related_to
from shows.selectors import show_box_queryset

RELATED_COUNT = 4


def next_publication():
    """Epoch seconds of the next scheduled article's publish time (0: none). Kept until
    something is scheduled or that time comes; whatever lists published articles expires
    then, so a scheduled story appears on every page at its second."""

    def compute():
        add_tags(cache_tags.SCHEDULE)
        when = (
            Article.objects.scheduled()
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        expire_at(when)
        return when.timestamp() if when else 0

    value = cached_value("articles:next-publication", compute)
    if value and value <= time.time():  # its time came while a stale copy was read
        expire_at(value)
    return value


def published(*tags):
    """Published articles for a list, newest first. The list carries ``list:articles`` (or
    the narrower tags given) and ends at the next scheduled publication."""
    add_tags(*(tags or [cache_tags.ARTICLES]))
    next_publication()
    return Article.objects.published()


def cards(articles):
    """Ready for cards (includes/article_card.html, which names each card's own tags)."""
    return articles.for_cards()


def articles_about(obj, field, limit):
    """The newest published articles linked to `obj` through `field` ("shows", "people",
    "authors", "tags"), for its page."""
    return cards(related_to(published(cache_tags.articles_of(obj)), field, [obj.pk]))[:limit]


def related_articles(article, shows, tags):
    """Other published articles about the same shows or with the same tags (subqueries on
    the link tables, not joins: no duplicates, no DISTINCT over the archive)."""
    lists = [cache_tags.articles_of(item) for item in (*shows, *tags)]
    candidates = published(*lists) if lists else published(cache_tags.ARTICLES)
    about_the_same = Q(
        pk__in=related_to(candidates, "shows", [show.pk for show in shows]).values("pk")
    ) | Q(pk__in=related_to(candidates, "tags", [tag.pk for tag in tags]).values("pk"))
    return list(cards(candidates.filter(about_the_same).exclude(pk=article.pk))[:RELATED_COUNT])


def quotes_by(person, limit=10):
    """What a person is quoted saying in published articles, newest first."""
    quotes = list(
        Quote.objects.filter(person=person, parent__in=published(cache_tags.quotes_of(person.pk)))
        .select_related("parent")
        .order_by("-parent__publish_at")[:limit]
    )
    add_tags(quote.parent for quote in quotes)
    return quotes


def photos_of(obj, field, limit):
    """The newest photos picturing `obj` (field "shows" or "people")."""
    add_tags(cache_tags.photos_of(obj))
    return Photo.objects.filter(**{field: obj})[:limit]


def page_data(article):
    """The tags of what an article page shows of the article itself."""
    add_tags(
        article,
        cache_tags.comments(article.pk),
        article.hero_photo,
        (byline.author for byline in article.bylines.all()),
        article.tags.all(),
        ((show, show.platform, show.based_on_show) for show in article.shows.all()),
    )


def with_page_data(articles):
    """Articles with their bylines, tags and shows (for their show boxes)."""
    return articles.for_cards().prefetch_related(
        "tags", Prefetch("shows", queryset=show_box_queryset())
    )


def live_article(slug):
    """The published article at `slug` with its page data, kept in the cache until it or
    anything it names changes (a page miss with warm fragments reads nothing for it). A
    missing article raises Http404, and is never kept."""

    def compute():
        article = get_object_or_404(with_page_data(Article.objects.published()), slug=slug)
        page_data(article)
        return article

    return cached_value(f"article-page:{slug}", compute)


def any_article(slug):
    """Any article at `slug` with its page data, for previews: never cached."""
    return get_object_or_404(with_page_data(Article.objects.all()), slug=slug)

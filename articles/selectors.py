"""Reads of published work that several pages share. Each names the cache tags of what it
returns (newsroom/core/cache.py), so any page built from it is purged with it."""

import time

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from articles import cache_tags
from articles.models import Article, Headshot, KeyArt, Photo, Quote
from articles.rendering import current_body, current_format
from newsroom.core.cache import add_tags, cached_value, expire_at, tag_of
from newsroom.core.public import linked_ids
from shows.selectors import show_box_queryset

RELATED_COUNT = 4


# The relation through which an article is about a show, tag, author or person.
RELATION = {"show": "shows", "tag": "tags", "author": "authors", "person": "people"}


def _next_publication(scope, narrow, tags):
    """Epoch seconds of the next scheduled publication among `narrow(scheduled articles)`
    (0: none). Kept until an article of that scope is scheduled or that time comes; what
    lists those articles expires then, so a scheduled story appears at its second."""

    def compute():
        add_tags(*tags)
        when = (
            narrow(Article.objects.scheduled())
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        expire_at(when)
        return when.timestamp() if when else 0

    value = cached_value(f"articles:next-publication:{scope}", compute)
    if value and value <= time.time():  # its time came while a stale copy was read
        expire_at(value)
    return value


def published(*tags):
    """Published articles for a list of all of them, newest first. The list carries
    ``list:articles`` (or the tags given) and ends at the next scheduled publication."""
    add_tags(*(tags or [cache_tags.ARTICLES]))
    _next_publication("all", lambda articles: articles, [cache_tags.SCHEDULE])
    return Article.objects.published()


def _about(objs):
    condition = Q(pk__in=[])
    for obj in objs:
        field = RELATION[obj._meta.model_name]
        condition |= Q(pk__in=linked_ids(Article, field, [obj.pk]))
    return condition


def published_about(*objs):
    """Published articles about any of these shows, tags, authors or people (subqueries on
    the link tables, not joins: no duplicates, no DISTINCT over the archive). The list
    carries their lists' tags and ends when the next article about them is published, not
    when any scheduled article is."""
    facets = sorted(tag_of(obj) for obj in objs)
    add_tags(*(cache_tags.articles_of(facet) for facet in facets))
    condition = _about(objs)
    _next_publication(
        "about:" + ",".join(facets),
        lambda articles: articles.filter(condition),
        [cache_tags.schedule_of(facet) for facet in facets],
    )
    return Article.objects.published().filter(condition)


def cards(articles):
    """Ready for cards (``{% article_cards %}``, which names each card's own tags)."""
    return articles.for_cards()


def articles_about(obj, limit):
    """The newest published articles about `obj` (a show, tag, author or person)."""
    return cards(published_about(obj))[:limit]


def related_articles(article, shows, tags):
    """Other published articles about the same shows or with the same tags."""
    if not shows and not tags:
        return []
    related = published_about(*shows, *tags).exclude(pk=article.pk)
    return list(cards(related)[:RELATED_COUNT])


def quotes_by(person, limit=10):
    """What a person is quoted saying in published articles, newest first."""
    add_tags(cache_tags.quotes_of(person.pk))
    quoting = Q(pk__in=Quote.objects.filter(person=person).values("parent"))
    _next_publication(
        f"quoting:{person.pk}",
        lambda articles: articles.filter(quoting),
        [cache_tags.schedule_of(f"quotes:person:{person.pk}")],
    )
    quotes = list(
        Quote.objects.filter(person=person, parent__in=Article.objects.published())
        .select_related("parent")
        .order_by("-parent__publish_at")[:limit]
    )
    add_tags(quote.parent for quote in quotes)
    return quotes


def photos_of(obj, field, limit):
    """The newest photos picturing `obj` (field "shows" or "people")."""
    add_tags(cache_tags.photos_of(obj))
    return Photo.objects.filter(**{field: obj})[:limit]


def key_art(show):
    """The show's key art (a Photo), or None. Choosing it is an edit of the show (its tag);
    editing the photo purges the shows it is key art of. No query when the show was read
    with ``select_related("key_art__photo")``."""
    return _linked_photo(show, "key_art", KeyArt.objects.filter(show=show))


def _linked_photo(obj, name, links):
    if name in obj._state.fields_cache:  # read with the record
        link = obj._state.fields_cache[name]
    else:
        link = links.select_related("photo").first()
    return link.photo if link else None


def key_art_of(shows):
    """{show pk: photo} for every show with key art, in one query."""
    links = KeyArt.objects.filter(show__in=[show.pk for show in shows]).select_related("photo")
    return {link.show_id: link.photo for link in links}


def headshot(person):
    """The person's headshot, or None (no query when read with ``headshot__photo``)."""
    return _linked_photo(person, "headshot", Headshot.objects.filter(person=person))


def page_data(article):
    """The tags of what an article page shows of the article itself."""
    add_tags(
        article,
        cache_tags.comments(article.pk),
        article.hero_photo,
        (byline.author for byline in article.bylines.all()),
        article.tags.all(),
        ((show, show.based_on_show) for show in article.shows.all()),
    )


def with_page_data(articles):
    """Articles with their stored body, bylines, tags and shows (for their show boxes)."""
    return (
        articles.for_cards()
        .defer(None)
        .defer("search_document")
        .prefetch_related("tags", Prefetch("shows", queryset=show_box_queryset()))
    )


def live_article(slug):
    """The published article at `slug` with its page data, kept in the cache until it or
    anything it names changes (a page miss with warm fragments reads nothing for it). A
    missing article raises Http404, and is never kept."""

    def compute():
        article = get_object_or_404(with_page_data(Article.objects.published()), slug=slug)
        page_data(article)
        current_body(article)  # a stale body is rendered and stored before it is kept here
        return article

    # A copy kept from before a change of body templates is not used.
    return cached_value(f"article-page:{slug}:{current_format()}", compute)


def any_article(slug):
    """Any article at `slug` with its page data, for previews: never cached."""
    return get_object_or_404(with_page_data(Article.objects.all()), slug=slug)

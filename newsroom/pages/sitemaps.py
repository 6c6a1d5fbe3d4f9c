"""sitemap.xml (an index of per-type sitemaps) and the Google News sitemap. Each sitemap
names the tags of what it lists; the news sitemap also each article's (it shows headlines)."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.utils import timezone

from articles import cache_tags as article_tags
from articles import selectors as articles
from articles.models import Author, StaticPage
from newsroom.core.cache import add_tags, expire_at
from people import cache_tags as people_tags
from people.models import Person
from shows import cache_tags as show_tags
from shows.models import Show

NEWS_DAYS = 2
NEWS_WINDOW = datetime.timedelta(days=NEWS_DAYS)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            articles.published()
            .only("slug", "publish_at", "significant_update_at", "pk")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at or article.publish_at


class ShowSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        add_tags(show_tags.SITEMAP)
        return Show.objects.only("slug", "modified_at").order_by("pk")

    def lastmod(self, show):
        return show.modified_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        add_tags(people_tags.SITEMAP)
        return Person.objects.only("slug", "modified_at").order_by("pk")

    def lastmod(self, person):
        return person.modified_at


class AuthorSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        # Only authors with published work: an empty profile is not worth a crawl.
        add_tags(article_tags.AUTHORS)
        published = articles.published().values("pk")
        return Author.objects.filter(articles__in=published).distinct().only("slug").order_by("pk")


class StaticPageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        add_tags(article_tags.PAGES)
        return StaticPage.objects.filter(published=True).only("path", "modified_at")

    def lastmod(self, page):
        return page.modified_at


SITEMAPS = {
    "articles": ArticleSitemap,
    "shows": ShowSitemap,
    "people": PersonSitemap,
    "authors": AuthorSitemap,
    "pages": StaticPageSitemap,
}


def news_articles():
    """Articles published in the last two days, for the Google News sitemap."""
    now = timezone.now()
    items = list(
        articles.published()
        .filter(publish_at__gte=now - NEWS_WINDOW)
        .only("slug", "headline", "publish_at")
        .order_by("-publish_at", "-pk")[:NEWS_LIMIT]
    )
    add_tags(items)
    return items


def news_sitemap(request):
    items = news_articles()
    if items:  # a cached copy ends when its oldest story leaves the two-day window
        expire_at(min(a.publish_at for a in items) + NEWS_WINDOW)
    return render(
        request,
        "newsroom/news_sitemap.xml",
        {"articles": items},
        content_type="application/xml; charset=utf-8",
    )

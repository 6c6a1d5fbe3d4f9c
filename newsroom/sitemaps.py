"""sitemap.xml (an index of per-type sitemaps) and the Google News sitemap."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from articles.models import Article, Author
from people.models import Person
from shows.models import Show

NEWS_DAYS = 2
NEWS_WINDOW = datetime.timedelta(days=NEWS_DAYS)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "publish_at", "significant_update_at", "pk")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at or article.publish_at


class ShowSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Show.objects.only("slug", "modified_at").order_by("pk")

    def lastmod(self, show):
        return show.modified_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Person.objects.only("slug", "modified_at").order_by("pk")

    def lastmod(self, person):
        return person.modified_at


class AuthorSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        # Only authors with published work: an empty profile is not worth a crawl.
        published = Article.objects.published().values("pk")
        return Author.objects.filter(articles__in=published).distinct().only("slug").order_by("pk")


SITEMAPS = {
    "articles": ArticleSitemap,
    "shows": ShowSitemap,
    "people": PersonSitemap,
    "authors": AuthorSitemap,
}


def news_articles():
    """Articles published in the last two days, for the Google News sitemap."""
    now = timezone.now()
    return (
        Article.objects.published(now=now)
        .filter(publish_at__gte=now - NEWS_WINDOW)
        .only("slug", "headline", "publish_at")
        .order_by("-publish_at", "-pk")[:NEWS_LIMIT]
    )

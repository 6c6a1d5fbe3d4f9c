"""With Redis (REDIS_URL, as in production and in CI's PostgreSQL run), every app process sees
the same comment rate limits and the same page-cache versions. Two processes are two cache
clients with their own connections here."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from articles.models import Comment
from newsroom.core.redis_cache import ResilientRedisCache
from tests.articles.comments.readers import post
from tests.articles.factories import ArticleFactory, CommentFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"),
        reason="Redis only (set REDIS_URL)",
    ),
]


def process():
    """A second app process's cache: the same Redis, its own client and connection pool."""
    options = settings.CACHES["default"]
    return ResilientRedisCache(options["LOCATION"], {"KEY_PREFIX": options["KEY_PREFIX"]})


def test_rate_limits_count_across_processes(monkeypatch):
    from django.core.cache import cache as first

    article = ArticleFactory(slug="story", publish_at=timezone.now() - datetime.timedelta(days=1))
    second = process()
    statuses = []
    for n in range(6):  # five posts from one address are allowed per ten minutes, in all
        monkeypatch.setattr("articles.comments.defences.cache", first if n % 2 else second)
        response = post(Client(), article, email=f"reader{n}@example.com", body=f"Post {n}")
        statuses.append(response.status_code)
    assert statuses == [302, 302, 302, 302, 302, 429]
    assert Comment.objects.count() == 5


def test_a_purge_in_one_process_is_seen_by_another(monkeypatch, committed):
    from articles.comments import services
    from newsroom.core import cache as page_cache

    article = ArticleFactory(slug="story")
    reader = Client()
    reader.get(article.get_absolute_url())
    assert reader.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    monkeypatch.setattr(page_cache, "cache", process())  # the desk's save runs elsewhere
    comment = CommentFactory(article=article, status="held", body="From the other process")
    with committed():
        services.moderate_comments(
            comments=Comment.objects.filter(pk=comment.pk), status="approved", by=None
        )
    monkeypatch.undo()
    response = reader.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "From the other process" in response.content.decode()


def test_a_page_with_thousands_of_tags_is_checked_inside_redis(client):
    """The check reads the tags' tokens in batches: a page naming more tags than Lua can
    pass at once (a long sitemap, say) is still a hit, and still misses once one changes."""
    from newsroom.core import cache as tagged

    cache = tagged.cache
    tokens = {tagged._version_key(f"article:{n}"): f"0:{n}" for n in range(9000)}
    tagged._write_tokens(tokens)
    cache.set_current("page:many", {"until": float("inf")}, tokens, 60)
    assert cache.get_current("page:many") == {"until": float("inf")}
    tagged._write_tokens({tagged._version_key("article:8999"): "1:changed"})
    assert cache.get_current("page:many") is None

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


def test_rate_limits_hold_while_redis_is_unreachable(monkeypatch, settings):
    """They are counted in the database: a dead Redis opens nothing."""
    from newsroom.core import cache as page_cache

    settings.COMMENTS_RATE_IP = "2/600"
    article = ArticleFactory(slug="story", publish_at=timezone.now() - datetime.timedelta(days=1))
    dead = ResilientRedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
    )
    monkeypatch.setattr(page_cache, "cache", dead)
    statuses = [
        post(Client(), article, email=f"reader{n}@example.com").status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Comment.objects.count() == 2


@pytest.fixture
def stalling_cache(monkeypatch, settings):
    """The page cache of this process, reached through a proxy that can stall Redis."""
    from newsroom.core import cache as page_cache
    from tests.core.redis_proxy import StallingProxy

    proxy = StallingProxy()
    options = settings.CACHES["default"]
    location = options["LOCATION"].rsplit("/", 1)[-1]
    stalled = ResilientRedisCache(
        proxy.url.rsplit("/", 1)[0] + "/" + location,
        {
            "KEY_PREFIX": options["KEY_PREFIX"],
            "OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5},
        },
    )
    monkeypatch.setattr(page_cache, "cache", stalled)
    yield proxy
    proxy.close()
    page_cache._delivery.update(pending_here=False, next_check=0.0)


def _edit_headline(article, headline, committed):
    from articles.services import article_facts, article_saved, save_article

    before = article_facts(article.pk)
    article.headline = headline
    with committed():
        save_article(article=article, by=None, before=before)
        article_saved(article=article, by=None, before=before)


def test_a_purge_made_while_redis_stalls_is_delivered_when_it_answers(stalling_cache, committed):
    """The save commits while Redis holds every byte; its purge times out, is kept in the
    database, and is delivered before the cache is trusted again: never the old page."""
    from newsroom.core.models import PendingPurge

    article = ArticleFactory(slug="story", headline="The old headline")
    reader = Client()
    for url in [article.get_absolute_url(), "/articles/"]:
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit"
    stalling_cache.stall()
    _edit_headline(article, "The new headline", committed)
    assert PendingPurge.objects.exists()
    stalling_cache.release()
    for url in [article.get_absolute_url(), "/articles/"]:
        response = reader.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "The new headline" in response.content.decode()
    assert not PendingPurge.objects.exists()


def test_another_process_delivers_a_kept_purge_within_the_retry_interval(
    stalling_cache, committed, settings
):
    """A process that did not see the failure finds the kept purge when it next looks."""
    from newsroom.core import cache as page_cache

    settings.NEWSROOM_PURGE_RETRY_SECONDS = 1
    article = ArticleFactory(slug="story", headline="The old headline")
    reader = Client()
    reader.get(article.get_absolute_url())
    stalling_cache.stall()
    _edit_headline(article, "The new headline", committed)
    stalling_cache.release()
    # Another process: it kept nothing and saw no outage, and its next look is due.
    page_cache._delivery.update(pending_here=False, next_check=0.0)
    page_cache.cache.outage_seen_at = 0.0
    page_cache._delivery["outage_handled"] = 0.0
    response = reader.get(article.get_absolute_url())
    assert "The new headline" in response.content.decode()


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

"""The cache's machinery (newsroom/core/cache.py): tags collected while building, purges after
the commit, pages for readers with ETags, CSRF holes and tag headers, and what happens when
the cache itself fails. What each service purges is tested in tests/pages/test_freshness.py."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Comment
from newsroom.core import cache as tagged
from newsroom.core.cache import (
    add_tags,
    cached_fragment,
    cached_value,
    collecting,
    expire_at,
    purge,
    purge_site,
    versions,
)
from tests.articles.comments.readers import post
from tests.articles.factories import ArticleFactory
from tests.pages.test_freshness import cached, get

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def article():
    return ArticleFactory(
        headline="Filming begins", slug="filming-begins", publish_at=timezone.now() - HOUR
    )


# --- Tags, values and fragments ------------------------------------------------------------


def test_a_value_is_kept_until_a_tag_it_named_is_purged(committed):
    calls = []

    def compute():
        calls.append(1)
        add_tags("show:5")
        return len(calls)

    assert cached_value("answer", compute) == 1
    assert cached_value("answer", compute) == 1
    with committed():
        purge("show:6")
    assert cached_value("answer", compute) == 1
    with committed():
        purge("show:5")
    assert cached_value("answer", compute) == 2


def test_a_fragments_tags_and_expiry_reach_the_page_around_it_on_a_hit_too():
    soon = timezone.now() + HOUR

    def render():
        add_tags("person:9")
        expire_at(soon)
        return "<p>Shun Oguri</p>"

    cached_fragment("credits", [1], render)  # kept
    with collecting() as page:
        add_tags("article:1")
        assert cached_fragment("credits", [1], lambda: pytest.fail("not kept")) == (
            "<p>Shun Oguri</p>"
        )
    assert {"article:1", "person:9", tagged.SITE} <= page.tags
    assert page.until == soon.timestamp()


def test_a_value_ends_at_its_expiry():
    def until_soon(value):
        def compute():
            expire_at(timezone.now() + datetime.timedelta(seconds=5))
            return value

        return compute

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert cached_value("soon", until_soon("first")) == "first"
        traveller.shift(datetime.timedelta(seconds=4))
        assert cached_value("soon", until_soon("second")) == "first"
        traveller.shift(datetime.timedelta(seconds=1))
        assert cached_value("soon", until_soon("third")) == "third"


def test_a_build_that_overlapped_a_purge_of_its_tags_is_not_kept(committed):
    """Data read before a purge committed must not outlive it: the build is served, not
    kept, so the next reader gets the committed data."""
    with committed():
        purge("show:5")  # an earlier purge: nothing overlaps

    def compute():
        add_tags("show:5")
        with committed():  # another process's save commits while this one builds
            purge("show:5")
        return "read before the save"

    assert cached_value("race", compute) == "read before the save"
    assert cached_value("race", lambda: "after the save") == "after the save"
    assert cached_value("race", lambda: pytest.fail("kept")) == "after the save"


def test_a_purge_waits_for_the_commit_and_a_rollback_purges_nothing(
    django_capture_on_commit_callbacks,
):
    cached_value("kept", lambda: add_tags("article:1") or "first")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purge("article:1")
        assert cached_value("kept", lambda: "second") == "first"  # not committed yet
    assert len(callbacks) == 1  # a rollback would drop it; a commit runs it:
    callbacks[0]()
    assert cached_value("kept", lambda: "second") == "second"


def test_purging_the_site_makes_everything_miss(committed):
    cached_value("anything", lambda: "first")
    with committed():
        purge_site()
    assert cached_value("anything", lambda: "second") == "second"


def test_a_lost_version_can_only_cause_a_miss():
    cached_value("kept", lambda: add_tags("show:5") or "first")
    cache.delete(tagged._version_key("show:5"))  # evicted, or Redis restarted without its data
    assert cached_value("kept", lambda: "second") == "second"


def test_outside_a_request_every_read_of_a_version_is_fresh():
    first = versions(["show:5"])["show:5"]
    tagged._write_tokens({tagged._version_key("show:5"): "bumped-by-another-process"})
    assert versions(["show:5"])["show:5"] == "bumped-by-another-process" != first


def test_a_cdn_is_told_of_each_purge_after_the_commit(committed):
    purger = tagged.cdn_purger()
    purger.purged.clear()
    with committed():
        purge("article:12", "list:articles")
        assert purger.purged == []
    assert purger.purged == [["article:12", "list:articles"]]


# --- Pages -----------------------------------------------------------------------------------


def test_readers_get_cached_pages_with_an_etag_and_a_304(client, article):
    first = get(client, "/")
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    second = get(client, "/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert first["ETag"].startswith('W/"')
    again = client.get("/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_cached_page_costs_no_query(client, article):
    cached(client, article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        get(client, article.get_absolute_url())
    assert len(queries) == 0


def test_pages_carry_their_tags_for_a_cdn(client, article, settings):
    article.comments_open = False  # no comment form: the page may be shared
    article.save()
    tags = get(client, article.get_absolute_url())["Cache-Tag"].split(",")
    assert {f"article:{article.pk}", f"comments:{article.pk}", "site"} <= set(tags)
    assert f"author:{article.bylines.get().author_id}" in tags
    assert get(client, article.get_absolute_url())["Cache-Tag"] == ",".join(tags)  # on a hit
    settings.NEWSROOM_CACHE_TAG_HEADER = "Surrogate-Key"
    keys = get(client, "/articles/")["Surrogate-Key"].split(" ")
    assert {"list:articles", f"article:{article.pk}"} <= set(keys)
    settings.NEWSROOM_CACHE_TAG_HEADER = ""
    response = get(client, "/articles/")
    assert "Surrogate-Key" not in response
    assert "Cache-Tag" not in response


def test_a_cdn_may_keep_pages_for_a_configured_time(client, article, settings):
    settings.NEWSROOM_CDN_MAX_AGE = 30
    assert get(client, "/shows/")["Cache-Control"] == (
        "public, max-age=0, must-revalidate, s-maxage=30"
    )


def test_staff_always_get_the_live_page(editor_client, article):
    for _ in range(2):
        response = get(editor_client, "/")
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-cache"


def test_a_cached_comment_form_carries_each_readers_own_csrf_token(article):
    url = article.get_absolute_url()
    cached(Client(), url)
    reader = Client(enforce_csrf_checks=True)
    response = get(reader, url)
    assert response["X-Page-Cache"] == "hit"
    # Its comment form's one-time token too: not even the browser may reuse its copy.
    assert response["Cache-Control"] == "private, no-cache"
    assert "Cache-Tag" not in response  # no shared cache may keep it
    html = response.content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert len(token) == 64
    assert "csrftoken" in response.cookies
    data = {"csrfmiddlewaretoken": token}
    with_token = post(reader, article, **data)
    assert with_token.status_code == 302  # CSRF passed and the comment was taken
    assert Comment.objects.filter(article=article).count() == 1
    stranger = Client(enforce_csrf_checks=True)
    stranger.cookies["csrftoken"] = "x" * 32
    assert post(stranger, article, **data).status_code == 403


def test_404s_and_errors_are_not_cached(client):
    for _ in range(2):
        response = client.get("/articles/no-such-article/")
        assert response.status_code == 404
        assert "X-Page-Cache" not in response


def test_with_the_page_cache_switched_off_pages_render_each_time(client, article, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        response = get(client, "/")
        assert "X-Page-Cache" not in response
        assert "Filming begins" in response.content.decode()


def test_a_failing_cache_serves_the_page_fresh(client, article, monkeypatch):
    def fails(*args, **kwargs):
        raise ConnectionError("Redis is not answering")

    monkeypatch.setattr(tagged.cache, "get", fails)
    monkeypatch.setattr(tagged.cache, "get_many", fails)
    for _ in range(2):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Filming begins" in response.content.decode()


def test_with_redis_down_the_site_keeps_serving_and_taking_comments(client, article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.core.redis_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for url in ("/", article.get_absolute_url(), "/shows/", "/search/?q=filming"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss"
    again = client.get("/")  # nothing could be kept: a miss again, rendered in full
    assert again["X-Page-Cache"] == "miss"
    assert "Filming begins" in again.content.decode()
    response = post(Client(), article, body="Posted while Redis was down.")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Posted while Redis was down."


def test_list_counts_are_kept_while_the_list_is_unchanged_and_stay_exact(
    client, article, settings, committed
):
    from articles import services

    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0  # the lists themselves are rendered each time
    settings.NEWSROOM_PAGE_SIZE = 1
    ArticleFactory(publish_at=timezone.now() - HOUR)

    def pages():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/articles/").content.decode()
        counted = any("COUNT(" in query["sql"] for query in queries)
        return html.count('href="?page='), counted

    links, counted = pages()
    assert counted
    assert pages() == (links, False)  # the count came from the cache
    draft = ArticleFactory(status="draft", publish_at=None)
    with committed():
        services.transition_article(article=draft, step="publish", by=None)
    more, counted = pages()
    assert counted
    assert more > links
    at = timezone.now().replace(microsecond=0) + HOUR
    scheduled = ArticleFactory(status="draft", publish_at=None)
    with committed():
        services.transition_article(article=scheduled, step="publish", by=None, at=at)
    before, _ = pages()
    assert before == more
    with time_machine.travel(at, tick=False):  # it goes live: the count is taken again
        after, counted = pages()
    assert counted
    assert after > before


def test_the_admins_import_map_carries_the_responses_csp_nonce(editor_client):
    response = editor_client.get("/admin/articles/article/add/")
    assert response.status_code == 200
    html = response.content.decode()
    nonce = html.split('<script type="importmap" nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_public_pages_need_no_nonce_so_cached_copies_share_one_policy(client, article):
    first = get(client, article.get_absolute_url())
    second = get(client, article.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert "nonce-" not in first["Content-Security-Policy"]
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]


def test_a_page_rendered_before_a_purge_committed_is_served_but_not_kept(
    client, article, monkeypatch
):
    """The page read the article, then an editor's save committed before the page was kept:
    the next reader must not get the copy built from what was read before."""
    real = tagged._page_entry

    def save_commits_meanwhile(response, collected):
        tagged._purge_now(frozenset({f"article:{article.pk}"}))
        return real(response, collected)

    monkeypatch.setattr(tagged, "_page_entry", save_commits_meanwhile)
    served = get(client, article.get_absolute_url())
    assert "Filming begins" in served.content.decode()
    assert "X-Page-Cache" not in served  # not kept
    monkeypatch.undo()
    assert get(client, article.get_absolute_url())["X-Page-Cache"] == "miss"


def test_the_purge_command_empties_what_it_is_told_to(capsys, committed):
    from django.core.management import call_command

    cached_value("a", lambda: add_tags("show:5") or "first")
    cached_value("b", lambda: add_tags("show:6") or "first")
    with committed():
        call_command("purge_cache", "show:5")
    assert cached_value("a", lambda: "second") == "second"
    assert cached_value("b", lambda: "second") == "first"
    with committed():
        call_command("purge_cache")
    assert cached_value("b", lambda: "third") == "third"
    assert "Purged every cached page" in capsys.readouterr().out


def test_a_version_key_holding_something_else_is_replaced_not_trusted(client):
    """A token left by another release, or any value that is not a token, cannot be
    matched: the tag starts a new version and the pages carrying it are built again."""
    cache.set(tagged._version_key("site"), {"not": "a token"}, timeout=None)
    assert get(client, "/shows/")["X-Page-Cache"] == "miss"
    assert get(client, "/shows/")["X-Page-Cache"] == "hit"


def test_a_page_whose_tag_version_was_lost_is_built_again(client):
    cached(client, "/shows/")
    cache.delete(tagged._version_key("list:shows"))
    assert get(client, "/shows/")["X-Page-Cache"] == "miss"


# --- Nobody can skip the cache or flood it ----------------------------------------------


def test_a_made_up_session_cookie_does_not_skip_the_cache(article):
    """Only a live login gets the fresh, uncached page: ``sessionid=x`` is a reader."""
    url = article.get_absolute_url()
    cached(Client(), url)
    forged = Client()
    forged.cookies["sessionid"] = "x" * 32
    response = forged.get(url)
    assert response["X-Page-Cache"] == "hit"


def test_query_parameters_a_page_does_not_read_make_no_new_entry(client, article):
    """``?utm=<random>`` is the same page: served from the one entry, never a new one."""
    client.get("/articles/")
    for n in range(5):
        response = client.get("/articles/", {"utm_source": f"r{n}", "fbclid": str(n)})
        assert response["X-Page-Cache"] == "hit"
    assert client.get(article.get_absolute_url(), {"x": "1"})["X-Page-Cache"] == "miss"
    assert client.get(article.get_absolute_url(), {"x": "2"})["X-Page-Cache"] == "hit"


def test_the_parameters_a_page_reads_still_make_their_own_pages(client, article):
    """Filters, pages, searches: each its own entry, whatever the order they come in."""
    assert client.get("/articles/", {"kind": "news"})["X-Page-Cache"] == "miss"
    assert client.get("/articles/", {"kind": "review"})["X-Page-Cache"] == "miss"
    assert client.get("/search/", {"q": "filming", "utm": "1"})["X-Page-Cache"] == "miss"
    assert client.get("/search/", {"utm": "2", "q": "filming"})["X-Page-Cache"] == "hit"
    assert client.get("/search/", {"q": "other"})["X-Page-Cache"] == "miss"


def test_a_page_never_echoes_a_parameter_it_does_not_read(client, article, settings):
    """Dropped before the view runs: a link built from the query (the pager's) cannot
    carry one reader's parameter to the next."""
    settings.NEWSROOM_PAGE_SIZE = 1
    ArticleFactory(publish_at=timezone.now() - HOUR)
    html = client.get("/articles/", {"utm_campaign": "leak-me", "kind": "news"}).content
    assert b"page=2" in html  # the pager's links are built from the query
    assert b"kind=news" in html
    assert b"leak-me" not in html


def test_a_purge_is_written_down_with_the_edit_and_delivered_if_its_process_died(
    client, article, settings
):
    """The purge is recorded in the edit's transaction: if the process that committed it
    dies before telling the cache (its on_commit never runs, as here), any other process
    delivers it at its next look, before serving from the cache."""
    from newsroom.core.models import PendingPurge

    url = article.get_absolute_url()
    cached(client, url)
    purge(article)  # committed with the test's data; the delivery after it never runs
    assert PendingPurge.objects.filter(tags=[f"article:{article.pk}"]).exists()
    settings.NEWSROOM_PURGE_RETRY_SECONDS = 1
    tagged._delivery["next_check"] = 0.0
    assert get(client, url)["X-Page-Cache"] == "miss"
    assert not PendingPurge.objects.exists()


def test_a_delivered_purge_is_crossed_off(committed):
    from newsroom.core.models import PendingPurge

    with committed():
        purge("article:1")
    assert not PendingPurge.objects.exists()

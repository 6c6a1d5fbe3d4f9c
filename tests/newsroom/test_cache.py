"""The page cache: readers get cached pages, and every change makes the affected pages fresh at
once (newsroom/cache.py, newsroom/invalidation.py)."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from articles import services
from articles.models import ArticleStatus, Comment, CommentStatus
from shows.models import CreditRole, ShowStatus
from shows.services import record_status
from tests.articles.factories import ArticleFactory, CommentFactory, RichTextFactory
from tests.articles.test_comments import post
from tests.people.factories import PersonFactory
from tests.shows.factories import CreditFactory, ShowFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def show():
    return ShowFactory(title="Romantics Anonymous", slug="romantics-anonymous")


@pytest.fixture
def article(show):
    article = ArticleFactory(
        headline="Filming begins", slug="filming-begins", publish_at=timezone.now() - HOUR
    )
    article.shows.add(show)
    return article


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304), url
    return response


def cached(client, url):
    """The page twice: the second answer must come from the cache."""
    get(client, url)
    response = get(client, url)
    assert response["X-Page-Cache"] == "hit", url
    return response.content.decode()


def fresh(client, url):
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss", url
    return response.content.decode()


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


def test_a_cdn_may_keep_pages_for_a_configured_time(client, article, settings):
    settings.NEWSROOM_CDN_MAX_AGE = 30
    assert get(client, "/shows/")["Cache-Control"] == (
        "public, max-age=0, must-revalidate, s-maxage=30"
    )


def test_publishing_an_article_shows_it_everywhere_at_once(client, article, show):
    draft = ArticleFactory(
        headline="Second season confirmed", status=ArticleStatus.DRAFT, publish_at=None
    )
    draft.shows.add(show)
    pages = ["/", "/articles/", show.get_absolute_url(), "/feed/"]
    sitemap = "/sitemap-articles.xml"
    for url in pages:
        assert "Second season confirmed" not in cached(client, url)
    assert draft.slug not in cached(client, sitemap)
    draft.status = ArticleStatus.PUBLISHED
    draft.publish_at = timezone.now() - datetime.timedelta(minutes=1)
    draft.save()
    for url in pages:
        assert "Second season confirmed" in fresh(client, url), url
    assert draft.get_absolute_url() in fresh(client, sitemap)


def test_editing_a_published_article_refreshes_its_page_and_the_lists(client, article):
    cached(client, article.get_absolute_url())
    cached(client, "/")
    article.headline = "Filming begins in Tokyo"
    article.save()
    assert "Filming begins in Tokyo" in fresh(client, article.get_absolute_url())
    assert "Filming begins in Tokyo" in fresh(client, "/")


def test_editing_the_body_refreshes_the_article(client, article):
    block = RichTextFactory(parent=article, text="<p>First version.</p>")
    assert "First version." in fresh(client, article.get_absolute_url())
    cached(client, article.get_absolute_url())
    block.text = "<p>Second version.</p>"
    block.save()
    assert "Second version." in fresh(client, article.get_absolute_url())


def test_a_writer_saving_a_draft_empties_no_cache(client, article):
    draft = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None)
    cached(client, "/")
    draft.headline = "Still a draft"
    draft.save()
    RichTextFactory(parent=draft)
    assert get(client, "/")["X-Page-Cache"] == "hit"


def test_a_status_update_refreshes_the_show_page_and_every_show_box(client, article, show):
    cached(client, show.get_absolute_url())
    assert "Announced" in cached(client, article.get_absolute_url())
    record_status(show=show, status=ShowStatus.FILMING, confirmed_on=datetime.date(2024, 4, 6))
    assert "Filming" in fresh(client, show.get_absolute_url())
    box = fresh(client, article.get_absolute_url()).split('class="show-box"')[1]
    assert "Filming" in box
    assert "6 April 2024" in box


def test_a_credit_change_refreshes_the_cast_list_and_the_show_box(client, article, show):
    cached(client, show.get_absolute_url())
    cached(client, article.get_absolute_url())
    credit = CreditFactory(show=show, person=PersonFactory(name="Shun Oguri"), role="cast")
    for url in (show.get_absolute_url(), article.get_absolute_url()):
        assert "Shun Oguri" in fresh(client, url)
    credit.character_name = "Sosuke Fujiwara"
    credit.save()
    assert "Sosuke Fujiwara" in fresh(client, article.get_absolute_url())
    credit.person.name = "Oguri Shun"
    credit.person.save()  # a rename reaches the cached fragments of their shows
    assert "Oguri Shun" in fresh(client, article.get_absolute_url())
    assert "Oguri Shun" in fresh(client, show.get_absolute_url())
    credit.role, credit.character_name = CreditRole.DIRECTOR, ""
    credit.save()
    assert "Director" in fresh(client, show.get_absolute_url())


def test_renaming_a_source_refreshes_the_boxes_of_its_adaptations(client, article, show):
    film = ShowFactory(title="Les Émotifs anonymes", slug="les-emotifs-anonymes")
    show.based_on_show = film
    show.save()
    assert "Les Émotifs anonymes" in fresh(client, article.get_absolute_url())
    cached(client, article.get_absolute_url())
    film.title = "Romantics Anonymous (2010 film)"
    film.save()
    box = fresh(client, article.get_absolute_url()).split('class="show-box"')[1]
    assert "Romantics Anonymous (2010 film)" in box


def test_renaming_a_platform_refreshes_cached_show_boxes(client, article, show):
    assert show.platform.name in cached(client, article.get_absolute_url())
    show.platform.name = "Renamed Platform"
    show.platform.save()
    assert "Renamed Platform" in fresh(client, article.get_absolute_url())


def test_an_approved_comment_appears_at_once_with_its_count(client, article):
    url = article.get_absolute_url()
    cached(client, url)
    cached(client, "/articles/")
    held = CommentFactory(article=article, status=CommentStatus.HELD, body="Waiting here.")
    assert get(client, url)["X-Page-Cache"] == "hit"  # a held comment changes no public page
    services.moderate_comments(
        comments=Comment.objects.filter(pk=held.pk), status=CommentStatus.APPROVED, by=None
    )
    page = fresh(client, url)
    assert "Waiting here." in page
    assert 'Comments <span class="muted">(1)</span>' in page
    assert "1 comment" in fresh(client, "/articles/")
    services.moderate_comments(
        comments=Comment.objects.filter(pk=held.pk), status=CommentStatus.REMOVED, by=None
    )
    assert "Waiting here." not in fresh(client, url)


def test_a_comment_published_at_once_appears_at_once(client, article):
    CommentFactory(article=article, email="aoi@example.com", status=CommentStatus.APPROVED)
    url = article.get_absolute_url()
    cached(client, url)
    other = Client()
    post(other, article, body="Straight onto the page.")
    assert "Straight onto the page." in fresh(Client(), url)


def test_comments_on_one_article_leave_other_article_pages_cached(client, article):
    other = ArticleFactory(publish_at=timezone.now() - HOUR)
    cached(client, other.get_absolute_url())
    CommentFactory(article=article, status=CommentStatus.APPROVED)
    assert get(client, other.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_scheduled_article_appears_at_its_time(client, article, show):
    scheduled = ArticleFactory(
        headline="Trailer released",
        publish_at=timezone.now() + datetime.timedelta(seconds=1.5),
    )
    scheduled.shows.add(show)
    for url in ("/", "/articles/", show.get_absolute_url(), "/feed/"):
        assert "Trailer released" not in cached(client, url)
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    time.sleep(1.6)
    for url in ("/", "/articles/", show.get_absolute_url(), "/feed/"):
        assert "Trailer released" in fresh(client, url), url
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_a_closing_thread_takes_its_form_away_on_time(client, article):
    article.comments_close_at = timezone.now() + datetime.timedelta(seconds=1.5)
    article.save()
    assert 'id="comment-form"' in cached(client, article.get_absolute_url())
    time.sleep(1.6)
    html = fresh(client, article.get_absolute_url())
    assert 'id="comment-form"' not in html
    assert "Comments on this article are closed." in html


def test_staff_always_get_the_live_page(editor_client, article):
    for _ in range(2):
        response = get(editor_client, "/")
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-cache"


def test_a_reader_sees_their_own_held_comment_although_the_page_is_cached(client, article):
    url = article.get_absolute_url()
    cached(Client(), url)
    cached(Client(), "/")
    post(client, article, body="My first comment ever.")
    response = get(client, url)
    assert "X-Page-Cache" not in response
    assert "My first comment ever." in response.content.decode()
    assert "My first comment ever." not in cached(Client(), url)
    assert get(client, "/")["X-Page-Cache"] == "hit"  # other pages stay cached for them


def test_a_cached_comment_form_carries_each_readers_own_csrf_token(article):
    url = article.get_absolute_url()
    cached(Client(), url)
    reader = Client(enforce_csrf_checks=True)
    response = get(reader, url)
    assert response["X-Page-Cache"] == "hit"
    assert response["Cache-Control"] == "private, max-age=0, must-revalidate"
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


def test_a_failing_page_cache_lookup_serves_the_page_fresh(client, article, monkeypatch):
    from newsroom import cache as page_cache

    real = page_cache.versions

    def lookup_fails(tags, also=None):
        if also:
            raise ConnectionError("Redis is not answering")
        return real(tags)

    monkeypatch.setattr(page_cache, "versions", lookup_fails)
    response = client.get("/")
    assert response.status_code == 200
    assert "Filming begins" in response.content.decode()


def test_a_lost_version_can_only_cause_a_miss(client, article):
    cached(client, "/")
    cache.delete("version:content")  # evicted, or Redis restarted without its data
    assert get(client, "/")["X-Page-Cache"] == "miss"


@pytest.mark.on_commit
def test_purges_wait_for_the_commit(client, article, django_capture_on_commit_callbacks):
    cached(client, "/")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.headline = "Not yet committed"
        article.save()
        # Until the commit, readers keep getting the page as it was (never a page rendered
        # from data that might still roll back).
        assert get(client, "/")["X-Page-Cache"] == "hit"
    for callback in callbacks:
        callback()
    assert "Not yet committed" in fresh(client, "/")


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


def test_with_redis_down_the_site_keeps_serving_and_taking_comments(client, article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.redis_cache.ResilientRedisCache",
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


def test_list_counts_are_kept_per_content_version_and_stay_exact(client, article, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

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
    ArticleFactory(publish_at=timezone.now() - HOUR)  # published: a new content version
    more, counted = pages()
    assert counted
    assert more > links
    scheduled = ArticleFactory(publish_at=timezone.now() + datetime.timedelta(seconds=1.5))
    assert scheduled.pk
    before, _ = pages()
    time.sleep(1.6)  # it goes live: the count is taken again
    after, counted = pages()
    assert counted
    assert after > before


def test_outside_a_request_every_read_of_a_version_is_fresh():
    from newsroom.cache import CONTENT, versions

    first = versions([CONTENT])[CONTENT]
    cache.set("version:content", "bumped-by-another-process", timeout=None)
    assert versions([CONTENT])[CONTENT] == "bumped-by-another-process" != first

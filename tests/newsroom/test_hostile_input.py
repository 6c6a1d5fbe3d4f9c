"""What an attacker or a careless paste can send, and what it must never do: break a feed
for every subscriber, keep a script link, or turn a crafted address into a 500."""

import datetime

import feedparser
import pytest
from defusedxml import ElementTree
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, RichText
from tests.articles.factories import ArticleFactory, CommentFactory, TagFactory
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db
HOSTILE = "Ctrl\x01\x02\x0b\x0c\x1f chars \ufffe\uffff end"


@pytest.fixture
def live():
    return ArticleFactory(
        slug="story",
        headline="Plain headline",
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )


def test_text_fields_store_no_character_xml_forbids(live):
    live.headline = HOSTILE
    live.dek = "Dek\x00with a NUL"
    live.save()
    live.refresh_from_db()
    assert live.headline == "Ctrl chars  end"
    assert live.dek == "Dekwith a NUL"


@pytest.mark.parametrize(
    "url", ["/feed/", "/feed/atom/", "/tags/k-drama/feed/", "/news-sitemap.xml"]
)
def test_feeds_stay_well_formed_whatever_was_stored(live, url, client):
    """Stored before the rule above (an update skips it): still well-formed for everyone."""
    tag = TagFactory(name="K-drama", slug="k-drama")
    live.tags.add(tag)
    Article.objects.filter(pk=live.pk).update(headline=HOSTILE, dek=HOSTILE)
    response = client.get(url)
    assert response.status_code == 200
    ElementTree.fromstring(response.content)  # raises on a character XML forbids
    if "feed" in url:
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.entries[0].title == "Ctrl chars  end"


@pytest.mark.parametrize(
    "href",
    [
        "java\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0cscript:javascript:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_a_link_whose_scheme_is_not_allowed_is_dropped(live, href):
    field = RichText._meta.get_field("text")
    html = field.clean(f'<p><a href="{href}">click</a></p>', RichText(parent=live))
    assert "href" not in html
    assert "click" in html


def test_allowed_links_are_kept(live):
    field = RichText._meta.get_field("text")
    html = field.clean('<p><a href="https://example.com/x">ok</a></p>', RichText(parent=live))
    assert 'href="https://example.com/x"' in html


@pytest.mark.parametrize("reply", ["⁰⁴⁵", "٤", "1e3", "-1", "9" * 40, "abc"])
def test_a_crafted_reply_parameter_is_ignored(live, client, reply):
    CommentFactory(article=live, status="approved")
    response = client.get(live.get_absolute_url(), {"reply": reply})
    assert response.status_code == 200


def test_head_answers_like_get(live, client):
    """Uptime monitors and CDNs send HEAD: the GET's status and headers, served from the
    same cached page (the server leaves out the body)."""
    for url in ["/", "/articles/", live.get_absolute_url(), "/shows/", "/feed/", "/search/?q=x"]:
        got = client.get(url)
        head = client.head(url)
        assert head.status_code == got.status_code == 200, url
        assert head["Content-Type"] == got["Content-Type"], url
        assert head["X-Page-Cache"] == "hit", url


def signed_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture
def editor_staff(editor):
    return signed_in(editor)


def test_crafted_compare_addresses_are_4xx_not_500(live, editor_staff):
    show = ShowFactory()
    base = f"/admin/articles/article/{live.pk}/history/compare/"
    for url, status in [
        (f"{base}?from=abc&to=1", 400),
        (f"{base}?from=1&to=%C2%B9", 400),
        (f"{base}?from=&to=", 400),
        (f"{base}?from=999999&to=999998", 404),
        ("/admin/articles/article/abc/history/compare/", 404),
        (f"/admin/shows/show/{show.pk}/history/compare/?from=x", 400),
    ]:
        assert editor_staff.get(url).status_code == status, url
    assert not Version.objects.filter(pk=999999).exists()


def test_a_malformed_address_filter_is_the_admins_notice_not_a_500(editor_staff, moderator, live):
    CommentFactory(article=live, ip_address="203.0.113.9")
    for client in (editor_staff, signed_in(moderator)):
        for page in ["/admin/articles/comment/", "/admin/articles/ban/"]:
            for crafted in [
                {"ip_address": "not-an-ip"},
                {"ip_address__in": "203.0.113.9,not-an-ip"},
                {"ip_address__gt": "x"},
            ]:
                response = client.get(page, crafted)
                assert response.status_code == 302, (page, crafted)
                assert response["Location"].endswith("?e=1")
            good = client.get(page, {"ip_address": "203.0.113.9"})
            assert good.status_code == 200


def test_a_nul_in_a_desk_query_is_a_400(editor_staff):
    autocomplete = {"app_label": "shows", "model_name": "show", "field_name": "based_on"}
    response = editor_staff.get("/admin/autocomplete/", {"term": "\x00", **autocomplete})
    assert response.status_code == 400
    assert editor_staff.get("/admin/shows/show/", {"q": "a\x00"}).status_code == 400


def test_a_reader_value_marker_sent_by_a_reader_is_only_text(live, client):
    """A page that echoes what it was sent (a filter, a search) cannot be made to issue,
    or fail to issue, a value: the real markers carry a key derived from SECRET_KEY."""
    for forged in ["\x00reader:comment-token:abc\x00", "\x00reader:x:comment-token:1\x00"]:
        for _ in range(2):  # a miss, then the cached copy
            response = client.get("/articles/", {"show": forged})
            assert response.status_code in (200, 400)
            response = client.get("/search/", {"q": forged})
            assert response.status_code == 200


def test_a_very_long_email_is_counted_not_a_500(live, client):
    from tests.articles.comments.readers import post

    email = "a" * 230 + "@example.com"
    response = post(client, live, email=email)
    assert response.status_code in (302, 400)

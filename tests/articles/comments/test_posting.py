"""Reader comments: posting without JavaScript, moderation rules, defences, hostile input."""

import datetime
import re
import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.comments import services
from articles.comments.defences import TOKEN_SALT, form_token
from articles.models import Ban, BlockedWord, Comment, CommentStatus
from tests.articles.comments.readers import post, token
from tests.articles.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(slug="story", publish_at=timezone.now() - datetime.timedelta(days=1))


def approve_earlier(email, article):
    CommentFactory(article=article, email=email, status=CommentStatus.APPROVED)


def page(client, article):
    return client.get(article.get_absolute_url()).content.decode()


# --- Posting and moderation rules ----------------------------------------------------------


def test_a_first_comment_is_held_and_only_its_poster_sees_it(client, article):
    response = post(client, article)
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD
    assert comment.held_reason == "first comment from this email"
    assert response.status_code == 302
    followed = client.get(response.url)  # the permalink: back to the article, at the comment
    assert followed.status_code == 302
    assert followed.url == f"/articles/story/#comment-{comment.pk}"
    html = page(client, article)
    assert "Awaiting moderation" in html
    assert "I loved the French film." in html
    from django.test import Client

    assert "I loved the French film." not in page(Client(), article)
    article.refresh_from_db()
    assert article.comment_count == 0


def test_a_returning_commenter_is_published_at_once(client, article):
    approve_earlier("aoi@example.com", article)
    post(client, article, email="AOI@example.com")
    comment = Comment.objects.latest("pk")
    assert comment.status == CommentStatus.APPROVED
    from django.test import Client

    assert "I loved the French film." in page(Client(), article)
    article.refresh_from_db()
    assert article.comment_count == 1  # the factory's earlier one is not counted by the factory
    assert comment.moderation_log.get().note.startswith("published at once")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("See http://a.example http://b.example https://c.example", "3 links"),
        ("Join my CRYPTO GIVEAWAY now", "contains “crypto giveaway”"),
        ("これは広告です", "contains “広告”"),
    ],
)
def test_rules_hold_a_returning_commenter(client, article, body, reason):
    BlockedWord.objects.create(phrase="crypto giveaway")
    BlockedWord.objects.create(phrase="広告")
    approve_earlier("aoi@example.com", article)
    post(client, article, body=body)
    comment = Comment.objects.latest("pk")
    assert (comment.status, comment.held_reason) == (CommentStatus.HELD, reason)


def test_a_blocked_word_inside_another_word_does_not_hold(client, article):
    BlockedWord.objects.create(phrase="ass")
    approve_earlier("aoi@example.com", article)
    post(client, article, body="A classic romance, beautifully assembled.")
    assert Comment.objects.latest("pk").status == CommentStatus.APPROVED


@pytest.mark.parametrize("ban", [{"email": "aoi@example.com"}, {"ip_address": "127.0.0.1"}])
def test_banned_commenters_are_held(client, article, ban):
    approve_earlier("aoi@example.com", article)
    Ban.objects.create(**ban)
    post(client, article)
    comment = Comment.objects.latest("pk")
    assert (comment.status, comment.held_reason) == (CommentStatus.HELD, "banned commenter")


def test_an_email_ban_does_not_catch_others(client, article):
    Ban.objects.create(email="someone@example.com")
    approve_earlier("aoi@example.com", article)
    post(client, article)
    assert Comment.objects.latest("pk").status == CommentStatus.APPROVED


# --- Threads -------------------------------------------------------------------------------


def test_replies_nest_three_levels_then_stay_flat(client, article):
    approve_earlier("aoi@example.com", article)
    top = Comment.objects.get()
    post(client, article, parent=top.pk, body="Level two")
    two = Comment.objects.latest("pk")
    post(client, article, parent=two.pk, body="Level three")
    three = Comment.objects.latest("pk")
    post(client, article, parent=three.pk, body="Still level three")
    flat = Comment.objects.latest("pk")
    assert [(c.depth, c.parent_id, c.thread_id) for c in (two, three, flat)] == [
        (1, top.pk, top.pk),
        (2, two.pk, top.pk),
        (2, two.pk, top.pk),  # beside the comment it answers, not deeper
    ]
    html = page(client, article)
    assert html.index("Level two") < html.index("Level three") < html.index("Still level three")
    assert html.count('class="comment-list comment-list--replies"') == 2


def test_a_reply_to_a_comment_that_is_not_approved_is_refused_with_the_text_kept(client, article):
    held = CommentFactory(article=article)
    response = post(client, article, parent=held.pk, body="My reply")
    assert response.status_code == 400
    assert "no longer there" in response.content.decode()
    assert "My reply" in response.content.decode()
    assert Comment.objects.count() == 1


def test_the_reply_link_prefills_the_form(client, article):
    top = CommentFactory(article=article, status=CommentStatus.APPROVED, name="Min-ji")
    html = client.get(f"{article.get_absolute_url()}?reply={top.pk}").content.decode()
    assert "Reply to <bdi>Min-ji</bdi>" in html
    assert f'name="parent" value="{top.pk}"' in html


def test_long_threads_are_paginated_and_permalinks_find_the_page(client, article, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 5
    comments = CommentFactory.create_batch(12, article=article, status=CommentStatus.APPROVED)
    html = page(client, article)
    assert html.count('class="comment"') == 5
    assert 'href="?comments=3#comments"' in html
    response = client.get(reverse("articles:comment", args=[comments[-1].pk]))
    assert response.url == f"/articles/story/?comments=3#comment-{comments[-1].pk}"
    assert client.get("/articles/story/?comments=3").content.decode().count('class="comment"') == 2


def test_a_held_comments_permalink_is_not_found_for_others(client, article):
    held = CommentFactory(article=article)
    assert client.get(reverse("articles:comment", args=[held.pk])).status_code == 404


def test_a_removed_comment_hides_its_replies(client, article, django_capture_on_commit_callbacks):
    top = CommentFactory(article=article, status=CommentStatus.APPROVED, body="Top")
    CommentFactory(
        article=article,
        status=CommentStatus.APPROVED,
        parent=top,
        thread=top,
        depth=1,
        body="Answer to top",
    )
    assert "Answer to top" in page(client, article)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate_comments(
            comments=Comment.objects.filter(pk=top.pk), status=CommentStatus.REMOVED, by=None
        )
    assert "Answer to top" not in page(client, article)


def test_the_article_page_costs_the_same_queries_with_10_or_500_comments(client, article):
    def thread(count):
        for _ in range(count // 2):
            top = CommentFactory(article=article, status=CommentStatus.APPROVED)
            CommentFactory(
                article=article, status=CommentStatus.APPROVED, parent=top, thread=top, depth=1
            )

    def queries():
        cache.clear()  # a cold render: no cached page, no cached thread
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(captured)

    thread(10)
    ten = queries()
    thread(490)
    assert queries() == ten


# --- Closed threads ------------------------------------------------------------------------


def test_an_editor_can_close_comments(client, article):
    CommentFactory(article=article, status=CommentStatus.APPROVED, body="Still readable")
    article.comments_open = False
    article.save()
    response = post(client, article)
    assert response.status_code == 403
    assert "Comments on this article are closed." in response.content.decode()
    assert Comment.objects.count() == 1
    html = page(client, article)
    assert "Still readable" in html
    assert 'id="comment-form"' not in html


def test_comments_close_some_days_after_publication_unless_kept_open(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = ArticleFactory(slug="old", publish_at=timezone.now() - datetime.timedelta(days=31))
    assert post(client, old).status_code == 403
    old.comments_close_at = timezone.now() + datetime.timedelta(days=7)
    old.save()
    assert post(client, old).status_code == 302


# --- Validation and hostile input ----------------------------------------------------------


def test_validation_errors_sit_next_to_the_field_and_keep_the_text(client, article):
    response = post(client, article, name="", email="not-an-email", body="Keep me")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_name_error"' in html
    assert 'id="id_email_error"' in html
    assert "Keep me</textarea>" in html
    assert 'value="not-an-email"' in html
    assert not Comment.objects.exists()


def test_a_too_long_comment_is_refused_with_a_clear_message(client, article, settings):
    settings.COMMENTS_MAX_LENGTH = 100
    response = post(client, article, body="x" * 101)
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a> javascript:alert(1)',
    "<b>unbalanced <i>tags",
    "'; DROP TABLE articles_comment; --",
    "‮evil text reversed‬ and שלום עולם",
    "Zero\u200bwidth\u200djoiner 👩‍👩‍👧 and 小栗旬 and 한효주 🍫",
    "Robert'); SELECT * FROM auth_user WHERE '1'='1",
]


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_bodies_are_stored_as_typed_and_rendered_inert(client, article, body):
    approve_earlier("aoi@example.com", article)
    post(client, article, body=body, name=body[:80])
    comment = Comment.objects.latest("pk")
    assert comment.body == body
    assert comment.status == CommentStatus.APPROVED
    html = page(client, article)
    comments_html = html[html.index('id="comments"') :]
    assert "<script>alert" not in comments_html
    assert "onerror=" not in comments_html.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in comments_html
    assert "<b>unbalanced" not in comments_html
    assert "<bdi>" in comments_html
    assert 'dir="auto"' in comments_html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("body", "Null\x00byte", "Null characters are not allowed."),
        ("name", "Ao\x00i", "Null characters are not allowed."),
        ("body", "Bell\x07", "invisible control characters"),
        ("name", "Tab\x1bEscape", "invisible control characters"),
    ],
)
def test_control_characters_are_refused_with_a_clear_error(client, article, field, value, message):
    response = post(client, article, **{field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_bare_links_are_clickable_but_nofollow(client, article):
    approve_earlier("aoi@example.com", article)
    post(client, article, body="Trailer: https://example.com/trailer\n\nSecond paragraph\nline")
    html = page(client, article)
    assert (
        '<a rel="nofollow ugc noopener" href="https://example.com/trailer">'
        "https://example.com/trailer</a>" in html
    )
    assert "<p>Second paragraph<br>line</p>" in html


def test_the_email_is_never_shown(client, article):
    approve_earlier("secret.reader@example.com", article)
    for url in [article.get_absolute_url(), "/feed/", "/feed/atom/", "/articles/"]:
        assert "secret.reader" not in client.get(url).content.decode(), url


# --- Defences ------------------------------------------------------------------------------


def test_the_honeypot_refuses_and_stores_nothing(client, article):
    response = post(client, article, website="http://spam.example")
    assert response.status_code == 400
    assert "looked as if a program sent it" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("token_value", "message"),
    [
        ("fast", "faster than anyone can type"),
        ("forged", "not one we sent"),
        ("expired", "open too long"),
        ("other-article", "for another article"),
        ("without-nonce", "not one we sent"),
    ],
)
def test_form_tokens_refuse_bots_and_keep_the_text(client, article, token_value, message):
    tokens = {
        "fast": token(article, seconds_ago=0),
        "forged": "abc:def",
        "expired": token(article, seconds_ago=3 * 24 * 3600),
        "other-article": form_token(article.pk + 1, at=time.time() - 10),
        "without-nonce": signing.dumps({"a": article.pk, "t": time.time() - 10}, salt=TOKEN_SALT),
    }
    response = post(client, article, token=tokens[token_value], body="Keep this text")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Keep this text</textarea>" in html
    assert not Comment.objects.exists()


def test_rate_limits_per_ip_address(client, article, settings):
    settings.COMMENTS_RATE_IP = "3/600"
    settings.COMMENTS_RATE_EMAIL = "100/600"
    statuses = [post(client, article, email=f"r{n}@example.com").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Comment.objects.count() == 3
    assert "Please wait a little" in post(client, article, email="x@example.com").content.decode()


def test_rate_limits_per_email(client, article, settings):
    settings.COMMENTS_RATE_IP = "100/600"
    settings.COMMENTS_RATE_EMAIL = "2/600"
    statuses = [post(client, article, REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]


def test_a_malformed_rate_setting_names_itself(client, article, settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.COMMENTS_RATE_IP = "lots"
    with pytest.raises(ImproperlyConfigured, match="COMMENTS_RATE_IP"):
        post(client, article)


def test_a_post_without_the_csrf_token_gets_the_friendly_403(article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = post(strict, article)
    assert response.status_code == 403
    assert "Please send that again" in response.content.decode()
    assert not Comment.objects.exists()


# --- Privacy -------------------------------------------------------------------------------


def test_old_ip_addresses_and_browsers_are_erased(article, settings):
    settings.COMMENTS_KEEP_IP_DAYS = 30
    old = CommentFactory(article=article, ip_address="203.0.113.9", user_agent="Firefox")
    Comment.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    new = CommentFactory(article=article, ip_address="203.0.113.10", user_agent="Safari")
    call_command("erase_comment_ips", stdout=__import__("io").StringIO())
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.ip_address, old.user_agent) == (None, "")
    assert (new.ip_address, new.user_agent) == ("203.0.113.10", "Safari")


# --- Tokens per reader, counters that are never evicted ------------------------------------


def _form_token(html):
    return re.search(r'name="token" value="([^"]+)"', html)[1]


def test_a_cached_page_gives_every_reader_their_own_fresh_token(client, article):
    """The cached copy holds a marker, not a token: each response gets one stamped when it
    is sent, so a post straight after a cache hit is still too fast."""
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "\x00" not in second.content.decode()
    tokens = {_form_token(first.content.decode()), _form_token(second.content.decode())}
    assert len(tokens) == 2
    assert "ETag" not in second  # a browser's copy must not bring a used token back
    assert "no-cache" in second["Cache-Control"]
    assert "private" in second["Cache-Control"]
    response = post(client, article, token=_form_token(second.content.decode()))
    assert response.status_code == 400
    assert "faster than anyone can type" in response.content.decode()


def test_a_form_token_posts_once(client, article):
    used = token(article)
    assert post(client, article, token=used).status_code == 302
    again = post(client, article, token=used, email="other@example.com", body="Replayed text")
    assert again.status_code == 400
    html = again.content.decode()
    assert "already been sent once" in html
    assert "Replayed text</textarea>" in html  # kept, with a fresh token to send it again
    assert _form_token(html) != used
    assert Comment.objects.count() == 1


def test_an_invalid_post_does_not_spend_its_token(client, article):
    kept = token(article)
    assert post(client, article, token=kept, body="x").status_code == 400  # too short
    assert post(client, article, token=kept).status_code == 302


def test_rate_limits_survive_the_cache_being_flooded_and_emptied(client, article, settings):
    """Rate limits are not cache entries: a flood of new pages (each a new cache entry,
    evicting others under allkeys-lru) and even an emptied cache reopen nothing."""
    settings.COMMENTS_RATE_IP = "2/600"
    settings.COMMENTS_RATE_EMAIL = "100/600"
    assert [post(client, article, email=f"r{n}@example.com").status_code for n in range(2)] == [
        302,
        302,
    ]
    for n in range(30):
        client.get(f"/articles/?utm={n}")
    cache.clear()
    assert post(client, article, email="r9@example.com").status_code == 429

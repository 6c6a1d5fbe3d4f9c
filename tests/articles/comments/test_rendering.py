"""A comment's HTML is made once, when it is written (posted, edited, erased), never while
a page is rendered: a thread of 200 comments costs no urlize at all on a cold page."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.html import escape

from articles.comments import services
from articles.models import Comment, CommentStatus
from articles.templatetags.articles import render_thread
from tests.articles.comments.readers import post
from tests.articles.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db
HOSTILE = 'Look <script>alert(1)</script> at https://example.com/x?a=1&b="2"\n\nBye'


@pytest.fixture
def article():
    return ArticleFactory(slug="story", publish_at=timezone.now() - datetime.timedelta(days=1))


def test_a_posted_comment_is_stored_with_its_html(client, article):
    assert post(client, article, body=HOSTILE).status_code == 302
    comment = Comment.objects.get()
    assert "<script>" not in comment.body_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in comment.body_html
    assert '<a rel="nofollow ugc noopener" href="https://example.com/x?a=1&amp;b=' in (
        comment.body_html
    )
    assert comment.body_html.count("<p>") == 2


def test_a_page_shows_the_stored_html_and_renders_none(client, article, monkeypatch):
    CommentFactory(article=article, status=CommentStatus.APPROVED, body=HOSTILE)

    def no_rendering(body):
        raise AssertionError("a comment was rendered while the page was")

    monkeypatch.setattr("articles.models.comment.render_body", no_rendering)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_an_edit_in_the_desk_renders_it_again(article, moderator):
    comment = CommentFactory(article=article, status=CommentStatus.APPROVED, body="Before")
    comment.body = "After, with https://example.org"
    services.edit_comment(comment=comment, by=moderator, status_changed=False)
    comment.refresh_from_db()
    assert "After" in comment.body_html
    assert 'href="https://example.org"' in comment.body_html


def test_an_erased_comment_shows_the_erasure_not_the_text(article, editor):
    from tests.conftest import role

    editor.groups.add(role("Comment moderators"))
    CommentFactory(article=article, email="gone@example.com", body="Private words")
    services.erase_commenter(email="gone@example.com", by=editor)
    comment = Comment.objects.get()
    assert "Private words" not in comment.body_html
    assert comment.body_html == f"<p>{escape(services.ERASED)}</p>"


def test_comments_stored_before_have_their_html_made_by_the_migration(article):
    import importlib

    migration = importlib.import_module("articles.migrations.0008_comment_body_html")
    comment = CommentFactory(article=article, body="Old <b>one</b>")
    Comment.objects.filter(pk=comment.pk).update(body_html="")
    migration.render_stored_bodies(apps, None)
    comment.refresh_from_db()
    assert comment.body_html == "<p>Old &lt;b&gt;one&lt;/b&gt;</p>"


def thread_of(article, mine=()):
    from articles.comments.selectors import thread_page

    return thread_page(article, set(mine), "1")[1]


def test_a_thread_page_escapes_names_nests_replies_and_offers_replies_while_open(article):
    top = CommentFactory(article=article, status=CommentStatus.APPROVED, name="<b>Mal</b>")
    reply = CommentFactory(
        article=article, status=CommentStatus.APPROVED, parent=top, thread=top, depth=1
    )
    html = render_thread(thread_of(article), is_open=True)
    assert "<b>Mal</b>" not in html
    assert "<bdi>&lt;b&gt;Mal&lt;/b&gt;</bdi>" in html
    assert (
        html.index(f'id="comment-{top.pk}"')
        < html.index('<ol class="comment-list comment-list--replies">')
        < html.index(f'id="comment-{reply.pk}"')
    )
    assert f'href="/comments/{top.pk}/"' in html
    local = timezone.localtime(top.created_at)
    assert f'<time datetime="{local.isoformat()}">' in html
    assert f"?reply={top.pk}#comment-form" in html
    assert f"?reply={reply.pk}#comment-form" in html
    closed = render_thread(thread_of(article), is_open=False)
    assert "?reply=" not in closed
    assert f'id="comment-{reply.pk}"' in closed


def test_a_held_comment_is_shown_to_its_poster_marked_and_not_open_to_replies(article):
    held = CommentFactory(article=article, status=CommentStatus.HELD)
    assert render_thread(thread_of(article), is_open=True) == ""
    html = render_thread(thread_of(article, mine=[held.pk]), is_open=True)
    assert 'class="comment comment--held"' in html
    assert "Awaiting moderation" in html
    assert "?reply=" not in html

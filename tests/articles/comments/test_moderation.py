"""The moderation desk in the admin: the queue, context, actions, bans, data requests."""

import json

import pytest
from django.urls import reverse

from articles.models import Ban, Comment, CommentStatus, ModerationEvent
from tests.articles.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:articles_comment_changelist"


def act(client, action, comments):
    return client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [c.pk for c in comments]}
    )


def test_held_comments_come_first_in_the_queue(moderator_client):
    article = ArticleFactory()
    approved = CommentFactory(article=article, status=CommentStatus.APPROVED)
    held = CommentFactory(article=article)
    newest = CommentFactory(article=article, status=CommentStatus.SPAM)
    listed = list(moderator_client.get(reverse(CHANGELIST)).context["cl"].result_list)
    assert listed == [held, newest, approved]


def test_the_comment_page_shows_the_thread_and_the_commenters_history(moderator_client):
    article = ArticleFactory()
    top = CommentFactory(article=article, status=CommentStatus.APPROVED, body="The question")
    reply = CommentFactory(
        article=article, parent=top, thread=top, depth=1, email="x@example.com", body="Answer"
    )
    CommentFactory(email="x@example.com", status=CommentStatus.SPAM)
    html = moderator_client.get(
        reverse("admin:articles_comment_change", args=[reply.pk])
    ).content.decode()
    assert "The question" in html
    assert "1 spam" in html


def test_spam_and_not_spam_are_recorded_with_who_and_when(moderator_client, moderator):
    comment = CommentFactory()
    act(moderator_client, "mark_spam", [comment])
    act(moderator_client, "mark_not_spam", [comment])
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert comment.moderated_by == moderator
    log = list(ModerationEvent.objects.filter(comment=comment).order_by("at", "pk"))
    assert [(e.status, e.note, e.by) for e in log] == [
        (CommentStatus.SPAM, "", moderator),
        (CommentStatus.APPROVED, "not spam", moderator),
    ]


def test_banning_marks_the_commenters_comments_spam_and_holds_new_ones(moderator_client):
    comment = CommentFactory(email="troll@example.com", ip_address="198.51.100.4")
    other = CommentFactory(email="troll@example.com", status=CommentStatus.APPROVED)
    act(moderator_client, "ban_email_and_ip", [comment])
    ban = Ban.objects.get()
    assert (ban.email, ban.ip_address) == ("troll@example.com", "198.51.100.4")
    other.refresh_from_db()
    assert other.status == CommentStatus.SPAM
    other.article.refresh_from_db()
    assert other.article.comment_count == 0


def test_the_admin_index_shows_the_number_of_held_comments(editor_client):
    CommentFactory.create_batch(3)
    CommentFactory(status=CommentStatus.APPROVED)
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "3 comments are waiting for moderation" in html
    assert "?status__exact=held" in html


def test_writers_do_not_see_the_queue(writer_client):
    CommentFactory()
    assert (
        "waiting for moderation" not in writer_client.get(reverse("admin:index")).content.decode()
    )


COMMENTER = reverse("admin:articles_comment_commenter")


def test_an_editor_exports_a_commenters_comments(editor_client):
    CommentFactory(email="reader@example.com", body="Mine", ip_address="192.0.2.1")
    CommentFactory(email="other@example.com", body="Not mine")
    response = editor_client.post(COMMENTER, {"email": "Reader@Example.com", "export": "1"})
    assert response["Content-Disposition"] == 'attachment; filename="comments.json"'
    data = json.loads(response.content)
    assert [(c["comment"], c["ip_address"]) for c in data] == [("Mine", "192.0.2.1")]


def test_an_editor_erases_a_commenter_after_confirming(editor_client, editor):
    article = ArticleFactory()
    top = CommentFactory(
        article=article, email="reader@example.com", body="Mine", status=CommentStatus.APPROVED
    )
    reply = CommentFactory(article=article, parent=top, thread=top, depth=1, body="A reply")
    response = editor_client.post(COMMENTER, {"email": "reader@example.com", "erase": "1"})
    assert "Tick the box" in response.content.decode()
    assert Comment.objects.get(pk=top.pk).body == "Mine"
    editor_client.post(COMMENTER, {"email": "reader@example.com", "erase": "1", "confirm": "on"})
    top.refresh_from_db()
    assert top.name == "Erased"
    assert top.body == "This comment was erased at the commenter's request."
    assert "reader@example.com" not in top.email
    assert (top.ip_address, top.user_agent, top.status) == (None, "", CommentStatus.REMOVED)
    assert Comment.objects.filter(pk=reply.pk).exists()  # other readers' words are kept
    assert not Comment.objects.filter(email="reader@example.com").exists()


def test_moderators_cannot_export_or_erase(moderator_client):
    assert moderator_client.get(COMMENTER).status_code == 403


def test_deleting_comments_keeps_the_count_true(editor_client):
    article = ArticleFactory()
    kept, gone = CommentFactory.create_batch(2, article=article, status=CommentStatus.APPROVED)
    from articles.comments.services import refresh_comment_counts

    refresh_comment_counts([article.pk])
    editor_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [gone.pk], "post": "yes"},
    )
    article.refresh_from_db()
    assert not Comment.objects.filter(pk=gone.pk).exists()
    assert article.comment_count == 1
    assert Comment.objects.filter(pk=kept.pk).exists()


# One click per comment, on its row and on its page.
def moderate_url(comment):
    return reverse("admin:articles_comment_moderate", args=[comment.pk])


def test_each_row_of_the_queue_has_one_click_buttons_posting_to_that_comment(moderator_client):
    held = CommentFactory()
    html = moderator_client.get(reverse(CHANGELIST)).content.decode()
    assert f'formaction="{moderate_url(held)}"' in html
    for status in ("approved", "spam", "removed"):
        assert f'name="status" value="{status}"' in html
    assert "js/moderation.js" in html


def test_one_click_approve_without_javascript_comes_back_to_the_queue(moderator_client, moderator):
    held = CommentFactory()
    queue = reverse(CHANGELIST) + "?status__exact=held"
    response = moderator_client.post(
        moderate_url(held), {"status": "approved"}, HTTP_REFERER="http://testserver" + queue
    )
    assert response.status_code == 302
    assert response["Location"] == "http://testserver" + queue
    held.refresh_from_db()
    assert (held.status, held.moderated_by) == (CommentStatus.APPROVED, moderator)
    assert ModerationEvent.objects.get(comment=held).status == CommentStatus.APPROVED
    messages = [str(m) for m in moderator_client.get(queue).context["messages"]]
    assert any("marked approved" in m for m in messages)


def test_one_click_from_the_script_answers_with_the_new_state(moderator_client):
    held = CommentFactory()
    response = moderator_client.post(
        moderate_url(held), {"status": "spam"}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["status"] == "spam"
    assert response.json()["label"] == "spam"
    held.refresh_from_db()
    assert held.status == CommentStatus.SPAM


def test_one_click_refuses_a_get_an_unknown_state_and_an_outside_return_address(
    moderator_client,
):
    held = CommentFactory()
    assert moderator_client.get(moderate_url(held)).status_code == 405
    assert moderator_client.post(moderate_url(held), {"status": "held"}).status_code == 400
    response = moderator_client.post(
        moderate_url(held), {"status": "removed"}, HTTP_REFERER="https://evil.example/"
    )
    assert response["Location"] == reverse(CHANGELIST)
    held.refresh_from_db()
    assert held.status == CommentStatus.REMOVED


def test_one_click_needs_the_csrf_token(moderator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    held = CommentFactory()
    assert client.post(moderate_url(held), {"status": "approved"}).status_code == 403
    held.refresh_from_db()
    assert held.status == CommentStatus.HELD


def test_one_click_is_refused_to_a_writer(writer_client):
    held = CommentFactory()
    response = writer_client.post(moderate_url(held), {"status": "approved"})
    assert response.status_code == 403
    held.refresh_from_db()
    assert held.status == CommentStatus.HELD


def test_the_comment_page_has_the_one_click_buttons(moderator_client):
    held = CommentFactory()
    html = moderator_client.get(
        reverse("admin:articles_comment_change", args=[held.pk])
    ).content.decode()
    assert f'formaction="{moderate_url(held)}"' in html

"""Who may do what, checked on the server with crafted requests (not by hidden buttons)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleStatus, Comment, CommentStatus, ShareLink
from shows.models import Show
from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    RichTextFactory,
)
from tests.articles.test_admin import article_post
from tests.desk import form_data
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db

ALLOWED = {
    # action: roles that may do it
    "create a draft": {"writer", "editor"},
    "edit their own draft": {"writer", "editor"},
    "edit someone else's draft": {"editor"},
    "submit for review": {"writer", "editor"},
    "publish": {"editor"},
    "unpublish": {"editor"},
    "archive": {"editor"},
    "delete a published article": {"editor"},
    "change a show's status": {"editor"},
    "moderate comments": {"editor", "moderator"},
    "create a share link": {"editor"},
    "export or erase a commenter": {"editor"},
}


@pytest.fixture
def actor(request, writer, editor, moderator, client):
    user = {"writer": writer, "editor": editor, "moderator": moderator}[request.param]
    client.force_login(user)
    return request.param, user, client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def own_draft(user):
    article = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None, created_by=user)
    RichTextFactory(parent=article)
    return article


def step(client, article, name, media_root):
    page = client.get(change_url(article))
    if page.status_code != 200 or "adminform" not in (page.context or {}):
        return client.post(change_url(article), {"_workflow": name}).status_code
    data = form_data(page)
    data["_workflow"] = name
    data["confirm_live_change"] = "on"  # taking a live story off the site asks first
    return client.post(change_url(article), data).status_code


def attempt(action, user, client, media_root):
    """Try the action; True when it took effect."""
    if action == "create a draft":
        client.post(
            reverse("admin:articles_article_add"),
            article_post(AuthorFactory()),
        )
        return Article.objects.filter(slug="romantics-anonymous-starts-filming").exists()
    if action in ("edit their own draft", "edit someone else's draft"):
        article = own_draft(user if action == "edit their own draft" else None)
        page = client.get(change_url(article))
        if "adminform" not in (page.context or {}):
            return False
        data = form_data(page)
        data["dek"] = "Edited"
        client.post(change_url(article), data)
        return Article.objects.get(pk=article.pk).dek == "Edited"
    if action == "submit for review":
        article = own_draft(user)
        step(client, article, "submit", media_root)
        return Article.objects.get(pk=article.pk).status == ArticleStatus.IN_REVIEW
    if action == "publish":
        article = own_draft(user)
        step(client, article, "publish", media_root)
        return Article.objects.get(pk=article.pk).status == ArticleStatus.PUBLISHED
    if action in ("unpublish", "archive"):
        article = ArticleFactory(created_by=user)
        RichTextFactory(parent=article)
        step(client, article, action, media_root)
        expected = ArticleStatus.DRAFT if action == "unpublish" else ArticleStatus.ARCHIVED
        return Article.objects.get(pk=article.pk).status == expected
    if action == "delete a published article":
        article = ArticleFactory(created_by=user)
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
        return not Article.objects.filter(pk=article.pk).exists()
    if action == "change a show's status":
        show = ShowFactory(status="announced")
        url = reverse("admin:shows_show_change", args=[show.pk])
        page = client.get(url)
        if "adminform" not in (page.context or {}):
            return False
        data = form_data(page)
        data.update(status="filming", status_confirmed_on=timezone.localdate().isoformat())
        client.post(url, data)
        return Show.objects.get(pk=show.pk).status == "filming"
    if action == "moderate comments":
        comment = CommentFactory()
        client.post(
            reverse("admin:articles_comment_changelist"),
            {"action": "approve", "_selected_action": [comment.pk]},
        )
        return Comment.objects.get(pk=comment.pk).status == CommentStatus.APPROVED
    if action == "create a share link":
        article = own_draft(user)
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "create_share_link", "_selected_action": [article.pk]},
        )
        return ShareLink.objects.filter(article=article).exists()
    if action == "export or erase a commenter":
        CommentFactory(email="someone@example.com")
        response = client.post(
            reverse("admin:articles_comment_commenter"),
            {"email": "someone@example.com", "export": "1"},
        )
        return response.status_code == 200 and response.get("Content-Disposition")
    raise AssertionError(action)


@pytest.mark.parametrize("actor", ["writer", "editor", "moderator"], indirect=True)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_each_role_can_do_exactly_what_it_is_allowed(actor, action, media_root):
    role, user, client = actor
    assert bool(attempt(action, user, client, media_root)) == (role in ALLOWED[action])


def test_a_writer_who_crafts_a_publish_button_post_gets_403(writer_client, writer):
    article = own_draft(writer)
    data = form_data(writer_client.get(change_url(article)))
    data["_workflow"] = "publish"
    assert writer_client.post(change_url(article), data).status_code == 403
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.DRAFT


def test_publish_with_a_future_time_schedules(editor_client, editor):
    article = own_draft(editor)
    data = form_data(editor_client.get(change_url(article)))
    later = timezone.localtime() + datetime.timedelta(hours=2)
    data.update(
        {"publish_at_0": later.date().isoformat(), "publish_at_1": later.strftime("%H:%M:%S")}
    )
    data["_workflow"] = "publish"
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_the_buttons_offered_follow_the_role_and_the_state(client, writer, editor):
    article = own_draft(writer)
    client.force_login(writer)
    writer_html = client.get(change_url(article)).content.decode()
    assert 'value="submit"' in writer_html
    assert 'value="publish"' not in writer_html
    client.force_login(editor)
    editor_html = client.get(change_url(article)).content.decode()
    assert 'value="publish"' in editor_html
    assert 'value="archive"' not in editor_html  # a draft cannot be archived
    article.status, article.publish_at = ArticleStatus.PUBLISHED, timezone.now()
    article.save()
    published_html = client.get(change_url(article)).content.decode()
    assert 'value="unpublish"' in published_html
    assert 'value="archive"' in published_html

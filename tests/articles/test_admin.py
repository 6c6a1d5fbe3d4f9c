"""The article desk in the admin: who may do what is checked on the server."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article, ArticleStatus, Comment, CommentStatus, ModerationEvent
from tests.articles.factories import ArticleFactory, AuthorFactory, CommentFactory

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:articles_article_add")
BLOCK_PREFIXES = [
    "articles_richtext_set",
    "articles_photoblock_set",
    "articles_quote_set",
    "articles_videoembed_set",
]


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def article_post(author, **fields):
    data = {
        "headline": "Romantics Anonymous starts filming",
        "slug": "romantics-anonymous-starts-filming",
        "dek": "Netflix's series is under way.",
        "kind": "news",
        "comments_open": "on",
        **management("bylines", 1),
        "bylines-0-author": str(author.pk),
        "bylines-0-position": "0",
        **management("articles_richtext_set", 1),
        "articles_richtext_set-0-text": "<p>Cameras are rolling.</p><script>x()</script>",
        "articles_richtext_set-0-region": "body",
        "articles_richtext_set-0-ordering": "10",
        **management("articles_quote_set", 1),
        "articles_quote_set-0-text": "We argue over every shot.",
        "articles_quote_set-0-style": "reported",
        "articles_quote_set-0-speaker": "The director",
        "articles_quote_set-0-context": "on set",
        "articles_quote_set-0-region": "body",
        "articles_quote_set-0-ordering": "20",
        **management("articles_photoblock_set", 0),
        **management("articles_videoembed_set", 1),
        "articles_videoembed_set-0-url": "https://youtu.be/dQw4w9WgXcQ",
        "articles_videoembed_set-0-title": "Teaser",
        "articles_videoembed_set-0-region": "body",
        "articles_videoembed_set-0-ordering": "30",
    }
    data.update(fields)
    return data


def test_a_writer_drafts_an_article_with_blocks_and_sanitised_text(writer_client, writer):
    response = writer_client.post(ADD_URL, article_post(AuthorFactory()))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == ArticleStatus.DRAFT
    assert article.created_by == writer
    assert article.articles_richtext_set.get().text == "<p>Cameras are rolling.</p>"
    assert article.articles_quote_set.get().speaker_name == "The director"
    assert article.articles_videoembed_set.get().video.video_id == "dQw4w9WgXcQ"


def test_a_bad_video_link_is_a_form_error_and_nothing_is_saved(editor_client):
    data = article_post(
        AuthorFactory(), **{"articles_videoembed_set-0-url": "https://evil.example/x"}
    )
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "YouTube or Vimeo" in response.content.decode()
    assert not Article.objects.exists()
    assert "Cameras are rolling" in response.content.decode()  # what was typed is kept


def test_a_writer_who_crafts_a_publish_post_is_refused(writer_client):
    data = article_post(
        AuthorFactory(), _workflow="publish", publish_at_0="2024-04-09", publish_at_1="09:00"
    )
    response = writer_client.post(ADD_URL, data)
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_a_crafted_status_field_changes_nothing(editor_client):
    response = editor_client.post(ADD_URL, article_post(AuthorFactory(), status="published"))
    assert response.status_code == 302
    assert Article.objects.get().status == ArticleStatus.DRAFT


def test_a_writer_is_offered_only_submit_and_no_status_box(writer_client):
    response = writer_client.get(ADD_URL)
    form = response.context["adminform"].form
    assert "status" not in form.fields
    assert "publish_at" not in form.fields
    assert response.context["workflow_buttons"] == [("submit", "Submit for review")]


@pytest.mark.parametrize(
    ("status", "days", "buttons"),
    [
        ("draft", None, ["Submit for review", "Publish now"]),
        ("in_review", None, ["Publish now", "Send back to draft"]),
        ("in_review", 2, ["Schedule", "Send back to draft"]),
        ("published", 2, ["Unschedule (back to draft)", "Archive"]),
        ("published", -2, ["Unpublish (back to draft)", "Archive"]),
        ("archived", -2, ["Back to draft"]),
    ],
)
def test_the_workflow_buttons_offer_what_makes_sense_for_the_article(
    editor_client, status, days, buttons
):
    from django.utils import timezone

    at = timezone.now() + datetime.timedelta(days=days) if days is not None else None
    article = ArticleFactory(status=status, publish_at=at)
    response = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert [label for _name, label in response.context["workflow_buttons"]] == buttons


def test_a_new_articles_first_byline_is_the_writer_typing_it(writer_client, writer):
    mine = AuthorFactory(user=writer, display_name="Jacob Robinson")
    response = writer_client.get(ADD_URL)
    bylines = next(
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "bylines"
    )
    assert bylines.formset.forms[0].initial["author"] == mine.pk
    assert "Jacob Robinson" in response.content.decode()


def test_submitting_says_so_not_changed_successfully(writer_client):
    response = writer_client.post(
        ADD_URL, article_post(AuthorFactory(), _workflow="submit"), follow=True
    )
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["“Romantics Anonymous starts filming” was submitted for review."]
    assert Article.objects.get().status == ArticleStatus.IN_REVIEW


def test_a_writer_cannot_change_or_delete_a_published_article(writer_client):
    article = ArticleFactory()
    change = reverse("admin:articles_article_change", args=[article.pk])
    page = writer_client.get(change)
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False  # read-only view
    response = writer_client.post(change, article_post(AuthorFactory(), headline="Hijacked"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline != "Hijacked"
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert writer_client.post(delete, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_editor_publishes_and_the_publish_time_defaults_to_now(editor_client):
    response = editor_client.post(ADD_URL, article_post(AuthorFactory(), _workflow="publish"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_live
    assert list(Article.objects.published()) == [article]


def test_an_editor_schedules_an_article(editor_client):
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    data = article_post(
        AuthorFactory(),
        _workflow="publish",
        publish_at_0=tomorrow.isoformat(),
        publish_at_1="09:00",
    )
    assert editor_client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    assert article.is_scheduled
    assert not Article.objects.published().exists()


def test_an_article_needs_a_byline(editor_client):
    data = article_post(AuthorFactory(), **management("bylines", 0))
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "Add at least one byline" in response.content.decode()
    assert not Article.objects.exists()


def test_moderators_approve_comments_in_bulk_and_it_is_recorded(moderator_client, moderator):
    held = CommentFactory.create_batch(3)
    response = moderator_client.post(
        reverse("admin:articles_comment_changelist"),
        {"action": "approve", "_selected_action": [c.pk for c in held[:2]]},
    )
    assert response.status_code == 302
    approved = Comment.objects.filter(status=CommentStatus.APPROVED)
    assert approved.count() == 2
    assert {c.moderated_by for c in approved} == {moderator}
    assert all(c.moderated_at for c in approved)
    assert Comment.objects.get(pk=held[2].pk).status == CommentStatus.HELD
    events = ModerationEvent.objects.filter(comment__in=held[:2])
    assert {(e.status, e.by) for e in events} == {(CommentStatus.APPROVED, moderator)}
    assert held[0].article.__class__.objects.get(pk=held[0].article_id).comment_count == 1


def test_moderators_cannot_edit_articles(moderator_client):
    article = ArticleFactory()
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert moderator_client.post(change, {"headline": "x"}).status_code == 403
    assert moderator_client.get(reverse("admin:shows_show_changelist")).status_code == 403


# A save that changes what readers of a published article see asks first, on the server.
def live_article_form(editor_client, **fields):
    from tests.desk import form_data

    article = ArticleFactory(**fields)
    url = reverse("admin:articles_article_change", args=[article.pk])
    return article, url, form_data(editor_client.get(url))


def test_unpublishing_a_live_article_asks_first(editor_client):
    article, url, data = live_article_form(editor_client)
    response = editor_client.post(url, {**data, "_workflow": "unpublish"})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["confirm_live_change"]
    assert "takes it off the site" in errors[0]
    article.refresh_from_db()
    assert article.is_live
    confirmed = {**data, "_workflow": "unpublish", "confirm_live_change": "on"}
    assert editor_client.post(url, confirmed).status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT


def test_moving_a_published_articles_time_asks_first(editor_client):
    article, url, data = live_article_form(editor_client)
    data.update({"publish_at_0": "2024-04-08", "publish_at_1": "07:00:00"})
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "moves the publish time from" in response.content.decode()
    assert "(London)" in response.content.decode()
    assert editor_client.post(url, {**data, "confirm_live_change": "on"}).status_code == 302
    article.refresh_from_db()
    assert article.publish_at.date() == datetime.date(2024, 4, 8)


def test_a_time_to_come_on_a_live_article_says_it_goes_off_the_site(editor_client):
    article, url, data = live_article_form(editor_client)
    soon = datetime.date.today() + datetime.timedelta(days=3)
    data.update({"publish_at_0": soon.isoformat(), "publish_at_1": "09:00:00"})
    response = editor_client.post(url, data)
    assert "takes it off the site until" in response.content.decode()
    article.refresh_from_db()
    assert article.is_live


def test_editing_a_live_articles_text_or_a_draft_needs_no_confirmation(editor_client):
    _article, url, data = live_article_form(editor_client)
    assert editor_client.post(url, {**data, "headline": "A typo fixed"}).status_code == 302
    _draft, url, data = live_article_form(editor_client, status="draft", publish_at=None)
    assert 'name="confirm_live_change"' not in editor_client.get(url).content.decode()
    data.update({"publish_at_0": "2030-01-01", "publish_at_1": "09:00:00"})
    assert editor_client.post(url, data).status_code == 302

"""Every saved version of an article or show, with its relations; compare any two; restore."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, RichText
from shows.models import Credit, Show
from tests.articles.factories import AuthorFactory, TagFactory
from tests.articles.test_admin import article_post
from tests.desk import form_data
from tests.people.factories import PersonFactory
from tests.shows.test_admin import show_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(editor_client, media_root):
    """An article saved twice in the admin: new headline, new tag, new body text."""
    author = AuthorFactory()
    tag = TagFactory(name="Netflix")
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_post(author, tags=[tag.pk])
    )
    assert response.status_code == 302
    article = Article.objects.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    data["headline"] = "Romantics Anonymous wraps filming"
    data["tags"] = [str(TagFactory(name="K-drama").pk)]
    data["articles_richtext_set-0-text"] = "<p>Filming has wrapped.</p>"
    assert editor_client.post(url, data).status_code == 302
    return article


def test_compare_keeps_paragraphs_apart_and_marks_the_words_changed():
    from newsroom.core.admin.history import _text, word_changes

    body = "<p>Filming starts next year.</p><p>Who is back</p><h2>The director</h2>"
    assert _text(body) == "Filming starts next year.\nWho is back\nThe director"
    assert word_changes("Filming starts next year.", "Filming starts in May.") == [
        ("same", "Filming starts "),
        ("removed", "next year."),
        ("added", "in May."),
    ]


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("revision__date_created", "pk"))


def test_each_save_is_a_version_with_its_blocks_bylines_and_tags(edited, editor):
    first, second = versions_of(edited)
    assert first.revision.user == editor
    saved_with_first = {v.content_type.model for v in first.revision.version_set.all()}
    assert {"article", "richtext", "quote", "videoembed", "articleauthor"} <= saved_with_first
    assert first.field_dict["headline"] == "Romantics Anonymous starts filming"
    assert second.field_dict["headline"] == "Romantics Anonymous wraps filming"
    assert len(first.field_dict["tags"]) == 1
    assert first.field_dict["tags"] != second.field_dict["tags"]


def test_two_versions_compare_as_a_readable_diff(edited, editor_client):
    first, second = versions_of(edited)
    url = reverse("admin:articles_article_compare", args=[edited.pk])
    html = editor_client.get(url, {"from": first.pk, "to": second.pk}).content.decode()
    # Word by word within a line edited in place.
    assert "Romantics Anonymous <del>starts</del><ins>wraps </ins>filming" in html
    assert "<del>Netflix</del><ins>K-drama</ins>" in html
    assert "<del>Cameras are rolling.</del><ins>Filming has wrapped.</ins>" in html
    history = editor_client.get(reverse("admin:articles_article_history", args=[edited.pk]))
    assert "Compare the two versions" in history.content.decode()
    assert "Restore this version" in history.content.decode()


def test_restoring_an_earlier_version_brings_back_its_relations_as_a_new_version(
    edited, editor_client
):
    first, _second = versions_of(edited)
    restore = reverse("admin:articles_article_revision", args=[edited.pk, first.pk])
    form = editor_client.get(restore)
    assert "Romantics Anonymous starts filming" in form.content.decode()
    assert editor_client.post(restore, form_data(form)).status_code == 302
    edited.refresh_from_db()
    assert edited.headline == "Romantics Anonymous starts filming"
    assert [t.name for t in edited.tags.all()] == ["Netflix"]
    assert RichText.objects.get(parent=edited).text == "<p>Cameras are rolling.</p>"
    assert len(versions_of(edited)) == 3  # the restore is a version too


def test_a_show_version_holds_its_credits(editor_client):
    assert editor_client.post(reverse("admin:shows_show_add"), show_post()).status_code == 302
    show = Show.objects.get()
    url = reverse("admin:shows_show_change", args=[show.pk])
    data = form_data(editor_client.get(url))
    person = PersonFactory(name="Rebecca Hall")
    data.update(
        {
            "credits-TOTAL_FORMS": "1",
            "credits-0-person": str(person.pk),
            "credits-0-role": "director",
            "credits-0-billing_order": "1",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Credit.objects.count() == 1
    first, second = versions_of(show)
    html = editor_client.get(
        reverse("admin:shows_show_compare", args=[show.pk]), {"from": first.pk, "to": second.pk}
    ).content.decode()
    assert "<ins>" in html
    assert "Rebecca Hall" in html


def test_restoring_an_old_show_version_keeps_later_status_history(editor_client):
    assert editor_client.post(reverse("admin:shows_show_add"), show_post()).status_code == 302
    show = Show.objects.get()
    url = reverse("admin:shows_show_change", args=[show.pk])
    data = form_data(editor_client.get(url))
    data.update(status="filming", status_confirmed_on="2026-06-01", synopsis="Now filming.")
    assert editor_client.post(url, data).status_code == 302
    entries = set(show.status_history.values_list("pk", flat=True))
    assert len(entries) == 2
    first = versions_of(show)[0]
    restore = reverse("admin:shows_show_revision", args=[show.pk, first.pk])
    form = editor_client.get(restore)
    assert "A lighthouse relit." in form.content.decode()
    assert show.status_history.count() == 2  # looking at an old version deletes nothing
    data = form_data(form)
    data.update(status="filming", status_confirmed_on="2026-06-01")  # keep today's status
    assert editor_client.post(restore, data).status_code == 302
    show.refresh_from_db()
    assert show.synopsis == "A lighthouse relit."
    assert entries <= set(show.status_history.values_list("pk", flat=True))  # none deleted


def test_the_same_instant_in_another_time_zone_is_no_change():
    import datetime

    from newsroom.core.admin.history import _text

    utc = datetime.datetime(2024, 4, 9, 9, 0, tzinfo=datetime.UTC)
    bst = utc.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    assert _text(utc) == _text(bst) == "9 April 2024, 10:00"


def _show_filmed(editor_client):
    assert editor_client.post(reverse("admin:shows_show_add"), show_post()).status_code == 302
    show = Show.objects.get()
    url = reverse("admin:shows_show_change", args=[show.pk])
    data = form_data(editor_client.get(url))
    data.update(status="filming", status_confirmed_on="2026-06-01", synopsis="Now filming.")
    assert editor_client.post(url, data).status_code == 302
    return show


def test_restoring_an_old_show_version_leaves_its_status_and_history_as_they_are(editor_client):
    """The status history is the record: a restored version changes the synopsis, titles and
    credits, never the status (a new status has its own date and source)."""
    show = _show_filmed(editor_client)
    restore = reverse("admin:shows_show_revision", args=[show.pk, versions_of(show)[0].pk])
    assert editor_client.post(restore, form_data(editor_client.get(restore))).status_code == 302
    show.refresh_from_db()
    assert show.synopsis == "A lighthouse relit."
    assert show.status == "filming"
    assert show.status_history.count() == 2  # no copy of the old entry


def test_a_writer_restoring_a_show_version_cannot_move_its_status(editor_client, writer):
    show = _show_filmed(editor_client)
    editor_client.force_login(writer)
    restore = reverse("admin:shows_show_revision", args=[show.pk, versions_of(show)[0].pk])
    assert editor_client.post(restore, form_data(editor_client.get(restore))).status_code == 302
    show.refresh_from_db()
    assert show.synopsis == "A lighthouse relit."  # what writers may change
    assert (show.status, str(show.status_confirmed_on)) == ("filming", "2026-06-01")
    assert show.status_history.count() == 2


def test_a_writer_cannot_restore_their_way_back_onto_a_draft(editor_client, writer, editor):
    """Whether a writer may change an article is judged on the article as it is, not on the
    version they restore (one that still had them as a byline)."""
    from articles.models import ArticleAuthor

    mine = AuthorFactory(user=writer)
    assert (
        editor_client.post(reverse("admin:articles_article_add"), article_post(mine)).status_code
        == 302
    )
    article = Article.objects.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    data["bylines-0-author"] = str(AuthorFactory().pk)  # the editor takes them off it
    assert editor_client.post(url, data).status_code == 302
    assert not ArticleAuthor.objects.filter(article=article, author=mine).exists()
    editor_client.force_login(writer)
    restore = reverse(
        "admin:articles_article_revision", args=[article.pk, versions_of(article)[0].pk]
    )
    assert editor_client.post(restore, {"headline": "Mine again"}).status_code == 403
    article.refresh_from_db()
    assert article.headline == "Romantics Anonymous starts filming"
    assert not ArticleAuthor.objects.filter(article=article, author=mine).exists()


def _published_after_a_draft_version(editor_client, writer):
    """A writer's draft (its first version), then published by an editor with a new
    headline: the draft version is an old one of a live story."""
    from articles.services import transition_article

    mine = AuthorFactory(user=writer)
    editor_client.force_login(writer)
    response = editor_client.post(reverse("admin:articles_article_add"), article_post(mine))
    assert response.status_code == 302
    article = Article.objects.get()
    transition_article(article=article, step="publish", by=None)
    article.refresh_from_db()
    return article


def test_restoring_a_draft_version_of_a_live_article_keeps_it_live(editor_client, writer, editor):
    """A version is content: restoring one never moves the article in the workflow, nor
    its publish time, and the restore is itself in the history."""
    article = _published_after_a_draft_version(editor_client, writer)
    editor_client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    data["headline"] = "Romantics Anonymous: the first look"
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    published_at = article.publish_at
    draft = versions_of(article)[0]
    assert draft.field_dict["status"] == "draft"
    restore = reverse("admin:articles_article_revision", args=[article.pk, draft.pk])
    page = editor_client.get(restore)
    assert "Where the article stands stays as it is now: Published" in page.content.decode()
    assert 'name="publish_at_0"' not in page.content.decode()  # not offered, not restored
    assert editor_client.post(restore, form_data(page)).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Romantics Anonymous starts filming"  # the content is back
    assert (article.status, article.publish_at) == ("published", published_at)
    assert editor_client.get(article.get_absolute_url()).status_code == 200
    newest = versions_of(article)[-1]
    assert "Reverted" in newest.revision.get_comment()


def test_a_writer_cannot_restore_a_draft_version_of_their_story_once_it_is_live(
    editor_client, writer
):
    article = _published_after_a_draft_version(editor_client, writer)
    draft = versions_of(article)[0]
    restore = reverse("admin:articles_article_revision", args=[article.pk, draft.pk])
    assert editor_client.get(restore).status_code in (302, 403)
    assert editor_client.post(restore, {"headline": "Back to my draft"}).status_code == 403
    article.refresh_from_db()
    assert article.status == "published"


def test_the_restore_service_keeps_the_status_whoever_calls(writer):
    """The rule is the service's, not the desk's: ``restoring`` writes back content only."""
    from articles.services import article_facts, save_article
    from tests.articles.factories import ArticleFactory

    article = ArticleFactory(status="in_review", created_by=writer)
    before = article_facts(article.pk)
    article.status = "draft"  # as the old version had it
    article.headline = "An older headline"
    save_article(article=article, by=writer, before=before, restoring=True)
    article.refresh_from_db()
    assert (article.status, article.headline) == ("in_review", "An older headline")

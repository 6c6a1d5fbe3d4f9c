"""Autosave in the article desk: kept per person and article as they type, offered back when
they open it again, never a version, never seen by readers, never overwriting a save."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleStatus
from newsroom.core.models import Autosave
from tests.articles.factories import ArticleFactory, AuthorFactory
from tests.desk import form_data

pytestmark = pytest.mark.django_db
ADD = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def opened(client, article):
    """The change form as the browser has it: (its data, the page)."""
    page = client.get(change_url(article))
    return form_data(page), page


def test_an_autosave_keeps_the_form_and_changes_nothing_readers_see(editor_client, editor):
    article = ArticleFactory(headline="As published")
    data, _page = opened(editor_client, article)
    data["headline"] = "Typed, not saved"
    versions = Version.objects.count()
    response = editor_client.post(autosave_url(article), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["kept"] is True
    article.refresh_from_db()
    assert article.headline == "As published"
    assert Version.objects.count() == versions  # not a revision
    kept = Autosave.objects.get(user=editor)
    assert ["headline", "Typed, not saved"] in kept.data
    assert not any(name == "csrfmiddlewaretoken" for name, _value in kept.data)
    # A reader still sees the published headline.
    assert "As published" in Client().get(article.get_absolute_url()).content.decode()


def test_reopening_offers_the_autosave_with_what_differs(editor_client):
    article = ArticleFactory(headline="As published")
    data, _page = opened(editor_client, article)
    data["headline"] = "Typed, not saved"
    editor_client.post(autosave_url(article), data)
    page = editor_client.get(change_url(article))
    offer = page.context["autosave_offer"]
    assert offer["differences"] == ["Headline"]
    assert "Restore your unsaved changes from" in page.content.decode()


def test_restore_shows_the_form_as_it_was_left_and_saves_nothing(editor_client):
    article = ArticleFactory(headline="As published")
    data, _page = opened(editor_client, article)
    data["headline"] = "Typed, not saved"
    data["articles_richtext_set-TOTAL_FORMS"] = "1"
    data.update(
        {
            "articles_richtext_set-0-text": "<p>A paragraph nobody saved.</p>",
            "articles_richtext_set-0-region": "body",
            "articles_richtext_set-0-ordering": "10",
        }
    )
    editor_client.post(autosave_url(article), data)
    page = editor_client.get(change_url(article) + "?autosave=restore")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="Typed, not saved"' in html
    assert "A paragraph nobody saved." in html
    assert "Nothing is saved yet" in html
    assert "errornote" not in html
    article.refresh_from_db()
    assert article.headline == "As published"
    assert not article.articles_richtext_set.exists()
    assert Autosave.objects.exists()  # kept until the real save


def test_saving_the_article_deletes_the_savers_autosave_only(editor_client, editor, writer):
    article = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None, authors=[])
    author = AuthorFactory(user=writer)
    article.bylines.create(author=author, position=0)
    data, _page = opened(editor_client, article)
    editor_client.post(autosave_url(article), {**data, "headline": "Editor's typing"})
    other = Client()
    other.force_login(writer)
    theirs, _ = opened(other, article)
    other.post(autosave_url(article), {**theirs, "headline": "Writer's typing"})
    assert Autosave.objects.count() == 2
    response = editor_client.post(change_url(article), {**data, "headline": "Saved now"})
    assert response.status_code == 302
    assert list(Autosave.objects.values_list("user", flat=True)) == [writer.pk]


def test_an_autosave_made_after_a_newer_save_is_ignored(editor_client):
    article = ArticleFactory(headline="As published")
    data, _page = opened(editor_client, article)
    saved = editor_client.post(change_url(article), {**data, "headline": "Saved"})
    assert saved.status_code == 302
    late = editor_client.post(
        autosave_url(article),
        {**data, "headline": "Typed before the save"},
        HTTP_ACCEPT="application/json",
    )
    assert late.status_code == 409
    assert "was saved after you opened it" in late.json()["reason"]
    assert not Autosave.objects.exists()
    # The browser's own copy, brought back on purpose, is kept: the save that follows meets
    # the version check and nothing is overwritten unseen.
    recovered = editor_client.post(
        autosave_url(article), {**data, "headline": "Typed before the save", "recover": "1"}
    )
    assert recovered.status_code == 200
    page = editor_client.get(change_url(article) + "?autosave=restore")
    assert "saved this at" in page.content.decode()  # the conflict is shown, not skipped
    article.refresh_from_db()
    assert article.headline == "Saved"


def test_someone_who_may_not_edit_the_article_is_refused_and_nothing_is_kept(writer_client):
    published = ArticleFactory()
    response = writer_client.post(
        autosave_url(published), {"headline": "Hijack"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 403
    assert not Autosave.objects.exists()


def test_an_autosave_needs_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    article = ArticleFactory()
    assert client.post(autosave_url(article), {"headline": "x"}).status_code == 403
    assert not Autosave.objects.exists()
    assert client.get(autosave_url(article)).status_code == 405


def test_a_new_article_is_offered_back_on_the_add_page_and_forgotten_once_added(
    writer_client, writer
):
    AuthorFactory(user=writer)
    page = writer_client.get(ADD)
    data = form_data(page)
    data.update({"headline": "A crash took this tab", "slug": "a-crash-took-this-tab"})
    assert writer_client.post(autosave_url(), data).status_code == 200
    offer = writer_client.get(ADD).context["autosave_offer"]
    assert "Headline" in offer["differences"]
    restored = writer_client.get(ADD + "?autosave=restore")
    assert 'value="A crash took this tab"' in restored.content.decode()
    assert not Article.objects.exists()
    data["kind"] = "news"
    assert writer_client.post(ADD, data).status_code == 302
    assert not Autosave.objects.exists()


def test_discarding_forgets_the_autosave(editor_client):
    article = ArticleFactory()
    data, _page = opened(editor_client, article)
    editor_client.post(autosave_url(article), {**data, "headline": "Not wanted"})
    response = editor_client.post(autosave_url(article), {"discard": "1"})
    assert response.status_code == 302
    assert response["Location"] == change_url(article)
    assert not Autosave.objects.exists()


def test_an_autosave_the_same_as_the_article_is_not_offered(editor_client):
    article = ArticleFactory()
    data, _page = opened(editor_client, article)
    editor_client.post(autosave_url(article), data)
    assert "autosave_offer" not in editor_client.get(change_url(article)).context
    assert not Autosave.objects.exists()


def test_autosaves_are_forgotten_after_some_days(editor_client, settings):
    settings.NEWSROOM_AUTOSAVE_DAYS = 7
    article, other = ArticleFactory(), ArticleFactory()
    data, _page = opened(editor_client, article)
    editor_client.post(autosave_url(article), {**data, "headline": "Long ago"})
    Autosave.objects.update(saved_at=timezone.now() - datetime.timedelta(days=8))
    assert "autosave_offer" not in editor_client.get(change_url(article)).context
    theirs, _page = opened(editor_client, other)
    editor_client.post(autosave_url(other), {**theirs, "headline": "Today"})
    assert list(Autosave.objects.values_list("object_id", flat=True)) == [str(other.pk)]


def test_a_restored_form_with_errors_shows_them(editor_client):
    article = ArticleFactory()
    data, _page = opened(editor_client, article)
    data["headline"] = ""
    editor_client.post(autosave_url(article), data)
    page = editor_client.get(change_url(article) + "?autosave=restore")
    assert page.status_code == 200
    assert "This field is required" in page.content.decode()

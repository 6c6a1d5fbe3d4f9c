"""The desk's live preview: the form as it is, unsaved, through the article page's template;
nothing saved, nothing cached, nothing purged; errors shown, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from newsroom.core.models import PendingPurge
from tests.articles.factories import ArticleFactory, AuthorFactory
from tests.articles.test_admin import article_post, management
from tests.desk import form_data

pytestmark = pytest.mark.django_db


def preview_url(article=None):
    if article is None:
        return reverse("admin:articles_article_preview_new")
    return reverse("admin:articles_article_preview", args=[article.pk])


def with_text(data, *paragraphs):
    data.update(management("articles_richtext_set", len(paragraphs)))
    for n, text in enumerate(paragraphs):
        data[f"articles_richtext_set-{n}-text"] = text
        data[f"articles_richtext_set-{n}-region"] = "body"
        data[f"articles_richtext_set-{n}-ordering"] = str((len(paragraphs) - n) * 10)
    return data


def test_the_preview_shows_the_form_as_typed_and_saves_nothing(editor_client, committed):
    article = ArticleFactory(headline="As published")
    data = form_data(editor_client.get(reverse("admin:articles_article_change", args=[article.pk])))
    data["headline"] = "Typed a moment ago"
    with_text(data, "<p>Second in the form, first by order.</p>", "<p>Opening line.</p>")
    purges = PendingPurge.objects.count()
    with committed():
        response = editor_client.post(preview_url(article), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="headline">Typed a moment ago</h1>' in html
    assert "Preview of changes not saved yet." in html
    assert html.index("Opening line.") < html.index("Second in the form")
    assert "no-store" in response["Cache-Control"]
    assert 'name="robots" content="noindex' in html
    article.refresh_from_db()
    assert article.headline == "As published"
    assert not article.articles_richtext_set.exists()
    assert PendingPurge.objects.count() == purges


def test_a_new_unsaved_article_has_a_preview_with_its_bylines(writer_client):
    author = AuthorFactory(display_name="Jacob Robinson")
    response = writer_client.post(preview_url(), article_post(author))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Romantics Anonymous starts filming" in html
    assert "Jacob Robinson" in html
    assert "Cameras are rolling." in html
    assert "<script>x()</script>" not in html  # the rich text is sanitised first
    assert not Article.objects.exists()


def test_a_form_with_errors_shows_the_errors_not_a_500(editor_client):
    data = article_post(AuthorFactory(), headline="", **{"articles_videoembed_set-0-url": "x"})
    response = editor_client.post(preview_url(), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The form has errors" in html
    assert "headline" in html
    assert "This field is required." in html
    assert "video" in html.lower()


def test_a_writer_cannot_preview_an_article_they_may_not_edit(writer_client):
    published = ArticleFactory()
    assert writer_client.post(preview_url(published), {}).status_code == 403


def test_the_preview_needs_a_post_with_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(preview_url(), article_post(AuthorFactory())).status_code == 403
    assert client.get(preview_url()).status_code == 405

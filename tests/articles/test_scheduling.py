"""A scheduled article is live exactly when its publish time passes: nothing runs to release
it, and every public place uses the same rule (Article.objects.published())."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus
from tests.articles.factories import ArticleFactory, RichTextFactory, TagFactory
from tests.desk import form_data

pytestmark = pytest.mark.django_db
PUBLISH_AT = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=datetime.UTC)
PLACES = ["/", "/articles/", "/feed/", "/feed/atom/", "/sitemap-articles.xml", "/tags/t/"]


@pytest.fixture
def scheduled():
    article = ArticleFactory(slug="at-nine", headline="Goes live at nine", publish_at=PUBLISH_AT)
    article.tags.add(TagFactory(slug="t"))
    return article


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_one_second_before_its_time_it_is_nowhere(client, scheduled, monkeypatch):
    at(monkeypatch, PUBLISH_AT - datetime.timedelta(seconds=1))
    assert client.get("/articles/at-nine/").status_code == 404
    for place in PLACES:
        assert "at-nine" not in client.get(place).content.decode(), place


def test_at_its_time_it_is_everywhere(client, scheduled, monkeypatch):
    at(monkeypatch, PUBLISH_AT)
    assert client.get("/articles/at-nine/").status_code == 200
    for place in PLACES:
        assert "at-nine" in client.get(place).content.decode(), place


def test_a_significant_update_sets_the_updated_date_a_typo_fix_does_not(
    editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(slug="story", publish_at=timezone.now() - datetime.timedelta(days=2))
    RichTextFactory(parent=article)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    data["dek"] = "Typo fixed"
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.updated_at is None
    assert "Updated" not in editor_client.get("/articles/story/").content.decode()
    data = form_data(editor_client.get(url))
    data["mark_significant"] = "on"
    with django_capture_on_commit_callbacks(execute=True):  # the save's purge runs
        assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.updated_at is not None
    assert "Updated" in editor_client.get("/articles/story/").content.decode()


def test_writers_are_not_offered_the_significant_update_switch(writer_client, writer):
    article = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None, created_by=writer)
    html = writer_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert "mark_significant" not in html

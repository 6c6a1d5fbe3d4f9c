"""Who else has a record open, and locks: shown, refreshed by a heartbeat, never blocking a
save; a lock does block, and an editor may take it over."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus
from newsroom.core.models import EditLock, Presence
from tests.articles.factories import ArticleFactory, AuthorFactory
from tests.core.test_conflicts import editor_named
from tests.desk import form_data

pytestmark = pytest.mark.django_db


def urls(article):
    return (
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_presence", args=[article.pk]),
    )


def test_opening_an_article_someone_has_open_names_them_with_the_time():
    article = ArticleFactory()
    change, beat = urls(article)
    mei, daniel = editor_named("Mei"), editor_named("Daniel")
    mei.get(change)
    page = daniel.get(change)
    assert "Mei Editor is editing this (since" in page.content.decode()
    state = mei.post(beat, HTTP_ACCEPT="application/json").json()
    assert [person["name"] for person in state["others"]] == ["Daniel Editor"]
    assert state["message"].startswith("Daniel Editor is editing this (since ")
    assert "London time" in state["message"]


def test_leaving_or_going_quiet_is_gone_within_the_window(settings):
    settings.NEWSROOM_PRESENCE_SECONDS = 30
    article = ArticleFactory()
    change, beat = urls(article)
    mei, daniel = editor_named("Mei"), editor_named("Daniel")
    mei.get(change)
    daniel.get(change)
    mei.post(beat, {"presence_action": "leave"})
    assert daniel.post(beat).json()["others"] == []
    mei.get(change)
    Presence.objects.filter(user__username="mei").update(
        seen_at=timezone.now() - datetime.timedelta(seconds=31)
    )
    assert daniel.post(beat).json()["others"] == []


def test_presence_never_blocks_a_save(media_root):
    article = ArticleFactory(headline="Before")
    change, _beat = urls(article)
    mei, daniel = editor_named("Mei"), editor_named("Daniel")
    mei.get(change)
    data = form_data(daniel.get(change))
    assert daniel.post(change, {**data, "headline": "Daniel saved"}).status_code == 302


def test_a_lock_keeps_others_from_saving_until_unlocked(media_root, writer):
    article = ArticleFactory(status=ArticleStatus.DRAFT, publish_at=None, authors=[])
    article.bylines.create(author=AuthorFactory(user=writer), position=0)
    change, beat = urls(article)
    mei = editor_named("Mei")
    jacob = Client()
    jacob.force_login(writer)
    data = form_data(jacob.get(change))
    assert mei.post(beat, {"presence_action": "lock"}).status_code == 302
    page = jacob.get(change)
    assert page.context["has_change_permission"] is False  # read-only for him
    assert "Locked by Mei Editor since" in page.content.decode()
    assert jacob.post(change, {**data, "headline": "Jacob's"}).status_code == 403
    # He may not take it over; an editor may.
    assert jacob.post(beat, {"presence_action": "take"}).status_code == 403
    assert EditLock.objects.get().locked_by.username == "mei"
    daniel = editor_named("Daniel")
    state = daniel.post(beat, HTTP_ACCEPT="application/json").json()
    assert state["can_take"] is True
    daniel.post(beat, {"presence_action": "take"}, HTTP_ACCEPT="application/json")
    assert EditLock.objects.get().locked_by.username == "daniel"
    daniel.post(beat, {"presence_action": "unlock"})
    assert not EditLock.objects.exists()
    assert jacob.post(change, {**data, "headline": "Jacob's"}).status_code == 302


def test_the_heartbeat_needs_a_post_with_the_csrf_token(editor):
    article = ArticleFactory()
    _change, beat = urls(article)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.get(beat).status_code == 405
    assert strict.post(beat, {"presence_action": "lock"}).status_code == 403
    assert not EditLock.objects.exists()

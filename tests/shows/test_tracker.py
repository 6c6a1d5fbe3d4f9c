"""The production tracker in the admin and the editor's dashboard on the admin index."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus
from shows.models import StatusChange
from tests.articles.factories import ArticleFactory
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:shows_show_changelist")


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def test_stale_shows_are_flagged_and_filtered(editor_client, settings):
    settings.SHOWS_STALE_AFTER_DAYS = 90
    ShowFactory(title="Fresh", status_confirmed_on=days_ago(10))
    ShowFactory(title="Stale", status_confirmed_on=days_ago(120))
    response = editor_client.get(CHANGELIST)
    assert '<span class="nr-stale" title="stale">⚠ 120</span>' in response.content.decode()
    stale = editor_client.get(CHANGELIST, {"confirmed": "stale"}).context["cl"].result_list
    assert [show.title for show in stale] == ["Stale"]


def test_a_status_update_for_several_shows_writes_each_history(editor_client, editor):
    first = ShowFactory(status="pre_production", status_confirmed_on=days_ago(30))
    second = ShowFactory(status="announced", status_confirmed_on=days_ago(30))
    later = ShowFactory(status="filming", status_confirmed_on=days_ago(1))
    StatusChange.objects.create(show=later, status="filming", confirmed_on=days_ago(1))
    selected = [first.pk, second.pk, later.pk]
    form = editor_client.post(CHANGELIST, {"action": "update_status", "_selected_action": selected})
    assert "Record the status" in form.content.decode()
    response = editor_client.post(
        CHANGELIST,
        {
            "action": "update_status",
            "_selected_action": selected,
            "apply": "1",
            "status": "filming",
            "confirmed_on": days_ago(5).isoformat(),
            "source_url": "https://example.com/news",
            "note": "Cameras rolled",
        },
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("Status recorded for" in m for m in messages)
    assert any("their history has a later date" in m for m in messages)
    for show in (first, second):
        show.refresh_from_db()
        assert (show.status, show.status_confirmed_on) == ("filming", days_ago(5))
        entry = show.status_history.first()
        assert (entry.note, entry.source_url, entry.recorded_by) == (
            "Cameras rolled",
            "https://example.com/news",
            editor,
        )
    assert later.status_history.count() == 1  # left alone: its history is newer


def test_writers_do_not_get_the_status_update_action(writer_client):
    ShowFactory()
    response = writer_client.get(CHANGELIST)
    assert "update_status" not in response.content.decode()
    refused = writer_client.post(
        CHANGELIST,
        {"action": "update_status", "_selected_action": [1], "apply": "1", "status": "filming"},
    )
    assert refused.status_code in (200, 302)
    assert not StatusChange.objects.exists()


def test_the_dashboard_shows_the_desk_at_a_glance(editor_client, editor, settings):
    settings.SHOWS_STALE_AFTER_DAYS = 90
    now = timezone.now()
    ArticleFactory(
        headline="My draft", status=ArticleStatus.DRAFT, publish_at=None, created_by=editor
    )
    ArticleFactory(headline="Someone's draft", status=ArticleStatus.DRAFT, publish_at=None)
    ArticleFactory(headline="Needs a look", status=ArticleStatus.IN_REVIEW, publish_at=None)
    ArticleFactory(headline="Goes out Friday", publish_at=now + datetime.timedelta(days=2))
    ArticleFactory(headline="Out yesterday", publish_at=now - datetime.timedelta(days=1))
    ShowFactory(title="Forgotten show", status_confirmed_on=days_ago(200))
    ShowFactory(title="Long released", status="released", status_confirmed_on=days_ago(900))
    html = editor_client.get(reverse("admin:index")).content.decode()
    for text in ["My draft", "Needs a look", "Goes out Friday", "Out yesterday", "Forgotten show"]:
        assert text in html, text
    assert "Someone&#x27;s draft" not in html
    assert "Long released" not in html


def test_writers_see_only_their_own_work_waiting(writer_client, writer):
    ArticleFactory(
        headline="Mine in review",
        status=ArticleStatus.IN_REVIEW,
        publish_at=None,
        created_by=writer,
    )
    ArticleFactory(headline="Other in review", status=ArticleStatus.IN_REVIEW, publish_at=None)
    html = writer_client.get(reverse("admin:index")).content.decode()
    assert "Mine in review" in html
    assert "Other in review" not in html
    assert "Stale shows" not in html


def test_one_meaning_of_stale_for_the_flag_the_filter_and_the_dashboard(editor_client, settings):
    """Released, ended and cancelled shows no longer move: however old their confirmation,
    they are not stale, on the dashboard, in the filter or in the list's flag."""
    settings.SHOWS_STALE_AFTER_DAYS = 90
    ShowFactory(title="Fresh", status="filming", status_confirmed_on=days_ago(10))
    ShowFactory(title="Stale", status="filming", status_confirmed_on=days_ago(120))
    ShowFactory(title="Released long ago", status="released", status_confirmed_on=days_ago(400))
    dashboard = editor_client.get(reverse("admin:index")).content.decode()
    stale_box = dashboard.split("Stale shows")[1].split("</section>")[0]
    assert "Stale" in stale_box
    assert "Released long ago" not in stale_box
    assert "Fresh" not in stale_box
    listed = editor_client.get(CHANGELIST, {"confirmed": "stale"}).context["cl"].result_list
    assert [show.title for show in listed] == ["Stale"]
    fresh = editor_client.get(CHANGELIST, {"confirmed": "fresh"}).context["cl"].result_list
    assert sorted(show.title for show in fresh) == ["Fresh", "Released long ago"]
    flags = editor_client.get(CHANGELIST).content.decode()
    assert flags.count('class="nr-stale"') == 1

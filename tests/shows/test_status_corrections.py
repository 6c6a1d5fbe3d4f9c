"""Correcting a mistaken status-history entry keeps what it said, who corrected it and why."""

import datetime

import pytest
from django.urls import reverse

from shows.models import StatusChange
from shows.services import record_status
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def show(editor):
    show = ShowFactory(slug="ra", status="announced", status_confirmed_on=datetime.date(2024, 1, 2))
    record_status(show=show, status="announced", confirmed_on=datetime.date(2024, 1, 2), by=editor)
    record_status(show=show, status="filming", confirmed_on=datetime.date(2024, 4, 6), by=editor)
    return show


def test_an_editor_corrects_an_entry_and_the_show_follows(editor_client, editor, show):
    entry = show.status_history.first()
    response = editor_client.post(
        reverse("admin:shows_statuschange_change", args=[entry.pk]),
        {
            "status": "filming",
            "confirmed_on": "2024-04-08",
            "note": "Cameras rolled in Tokyo",
            "source_url": "https://example.com/news",
            "reason": "Filming began on 8 April, not 6 April",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.confirmed_on == datetime.date(2024, 4, 8)
    (correction,) = entry.corrections
    assert correction["by"] == editor.get_username()
    assert correction["was"]["confirmed_on"] == "2024-04-06"
    assert correction["reason"] == "Filming began on 8 April, not 6 April"
    show.refresh_from_db()
    assert show.status_confirmed_on == datetime.date(2024, 4, 8)
    html = editor_client.get("/shows/ra/").content.decode()
    assert "corrected: Filming began on 8 April, not 6 April" in html
    assert StatusChange.objects.count() == 2  # corrected in place, nothing appended or lost


def test_a_correction_needs_a_reason(editor_client, show):
    entry = show.status_history.first()
    response = editor_client.post(
        reverse("admin:shows_statuschange_change", args=[entry.pk]),
        {"status": "released", "confirmed_on": "2024-04-06", "note": "", "source_url": ""},
    )
    assert response.status_code == 200
    assert "reason" in response.context["adminform"].form.errors
    entry.refresh_from_db()
    assert entry.status == "filming"


def test_writers_cannot_correct_the_history(writer_client, show):
    entry = show.status_history.first()
    response = writer_client.post(
        reverse("admin:shows_statuschange_change", args=[entry.pk]),
        {"status": "released", "confirmed_on": "2024-04-06", "reason": "x"},
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == "filming"

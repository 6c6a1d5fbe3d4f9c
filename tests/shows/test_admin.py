"""The show record in the admin: the status history, release windows, and who may change them."""

import datetime

import pytest
from django.urls import reverse

from shows.models import Show, ShowStatus
from tests.desk import loaded_version
from tests.shows.factories import PlatformFactory, ShowFactory

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:shows_show_add")


def show_post(**fields):
    data = {
        "title": "Harbour Lights",
        "slug": "harbour-lights",
        "kind": "series",
        "platform": str(PlatformFactory().pk),
        "synopsis": "A lighthouse relit.",
        "status": "announced",
        "status_confirmed_on": "2026-03-02",
        "status_note": "Announced by the platform.",
        "status_source_url": "https://example.com/announcement",
        "release_window": "Autumn 2027",
        "release_note": "",
        "based_on": "",
    }
    for prefix in [
        "key_art",
        "other_titles",
        "credits",
        "seasons",
        "availability",
        "status_history",
    ]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


def change_post(show, **fields):
    data = show_post(
        title=show.title,
        slug=show.slug,
        platform=str(show.platform_id),
        status=show.status,
        status_confirmed_on=show.status_confirmed_on.isoformat(),
        status_note="",
        status_source_url="",
        release_window=str(show.release_window or ""),
        loaded_version=loaded_version(show),
    )
    data.update(fields)
    return data


def test_adding_a_show_records_its_first_status_and_release_window(editor_client, editor):
    response = editor_client.post(ADD_URL, show_post())
    assert response.status_code == 302, response.context["adminform"].form.errors
    show = Show.objects.get()
    assert str(show.release_window) == "Autumn 2027"
    entry = show.status_history.get()
    assert (entry.status, entry.confirmed_on, entry.note, entry.recorded_by) == (
        "announced",
        datetime.date(2026, 3, 2),
        "Announced by the platform.",
        editor,
    )


def test_changing_the_status_appends_to_the_history(editor_client):
    editor_client.post(ADD_URL, show_post())
    show = Show.objects.get()
    change = reverse("admin:shows_show_change", args=[show.pk])
    response = editor_client.post(
        change,
        change_post(
            show, status="filming", status_confirmed_on="2026-09-14", status_note="Rolling"
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    show.refresh_from_db()
    assert show.status == ShowStatus.FILMING
    assert [e.status for e in show.status_history.all()] == ["filming", "announced"]


def test_editing_other_fields_adds_no_history(editor_client):
    editor_client.post(ADD_URL, show_post())
    show = Show.objects.get()
    change = reverse("admin:shows_show_change", args=[show.pk])
    editor_client.post(change, change_post(show, synopsis="New synopsis."))
    assert show.status_history.count() == 1


def test_a_new_status_dated_before_the_history_is_refused_with_a_reason(editor_client):
    editor_client.post(ADD_URL, show_post())
    show = Show.objects.get()
    change = reverse("admin:shows_show_change", args=[show.pk])
    response = editor_client.post(
        change, change_post(show, status="filming", status_confirmed_on="2025-01-01")
    )
    assert response.status_code == 200
    assert "2 March 2026" in response.content.decode()
    show.refresh_from_db()
    assert show.status == ShowStatus.ANNOUNCED


def test_a_release_window_that_makes_no_sense_is_a_form_error(editor_client):
    response = editor_client.post(ADD_URL, show_post(release_window="sometime next year"))
    assert response.status_code == 200
    assert "is not a release window" in str(response.context["adminform"].form.errors)
    assert not Show.objects.exists()


def test_a_writer_may_propose_a_show_but_not_set_its_status(writer_client):
    response = writer_client.post(ADD_URL, show_post(status="filming"))
    assert response.status_code == 302
    show = Show.objects.get()
    assert show.status == ShowStatus.ANNOUNCED  # the crafted status was ignored
    form = (
        writer_client.get(reverse("admin:shows_show_change", args=[show.pk]))
        .context["adminform"]
        .form
    )
    assert "status" not in form.fields


def test_a_writer_cannot_change_an_existing_show_status(writer_client):
    show = ShowFactory(status=ShowStatus.FILMING)
    change = reverse("admin:shows_show_change", args=[show.pk])
    writer_client.post(change, change_post(show, status="cancelled", synopsis="Edited"))
    show.refresh_from_db()
    assert show.status == ShowStatus.FILMING
    assert show.synopsis == "Edited"
    assert not show.status_history.exists()

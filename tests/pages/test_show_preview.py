"""The show desk's live preview: the show page for the form as it is, nothing kept."""

import pytest
from django.urls import reverse

from newsroom.core.models import PendingPurge
from shows.models import Show, StatusChange
from tests.desk import form_data
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


def test_the_show_page_preview_shows_the_new_status_and_keeps_nothing(editor_client, committed):
    show = ShowFactory(title="Harbour Lights", status="announced", synopsis="A lighthouse.")
    change = reverse("admin:shows_show_change", args=[show.pk])
    data = form_data(editor_client.get(change))
    assert "Show preview" in editor_client.get(change).content.decode()
    data.update(
        {"title": "Harbour Lights Returns", "status": "filming", "synopsis": "Relit at last."}
    )
    purges, changes = PendingPurge.objects.count(), StatusChange.objects.count()
    with committed():
        response = editor_client.post(reverse("admin:shows_show_preview", args=[show.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200, html[:2000]
    assert "Preview of changes not saved yet." in html
    assert "Harbour Lights Returns" in html
    assert "Relit at last." in html
    assert "no-store" in response["Cache-Control"]
    show.refresh_from_db()
    assert (show.title, show.status) == ("Harbour Lights", "announced")
    assert StatusChange.objects.count() == changes
    assert PendingPurge.objects.count() == purges
    assert Show.objects.count() == 1
    # Nothing the save said is shown later.
    after = editor_client.get(change)
    assert not list(after.context["messages"])


def test_a_show_preview_with_errors_shows_them(editor_client):
    show = ShowFactory()
    change = reverse("admin:shows_show_change", args=[show.pk])
    data = form_data(editor_client.get(change))
    data["title"] = ""
    response = editor_client.post(reverse("admin:shows_show_preview", args=[show.pk]), data)
    assert response.status_code == 200
    assert "The form has errors" in response.content.decode()

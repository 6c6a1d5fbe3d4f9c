"""Seasons, episodes and where to watch in the desk: edited inline on the show (episodes on
the season's own page), at their real precision, through the services."""

import pytest
from django.test import Client
from django.urls import reverse

from shows.models import Availability, Country, Episode, Season
from tests.shows.factories import ShowFactory
from tests.shows.test_admin import change_post

pytestmark = pytest.mark.django_db


def _inline(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
    return data


def _opened(client, url):
    """What the season's page carries of the show's version when it is opened."""
    return client.get(url).context["adminform"].form.initial["loaded_show"]


def test_seasons_and_where_to_watch_are_edited_inline_on_the_show(editor_client, committed):
    show = ShowFactory()
    gb = Country.objects.create(code="GB", name="United Kingdom")
    data = change_post(show)
    data.update(
        _inline(
            "seasons",
            [
                {
                    "number": "1",
                    "status": "filming",
                    "release_window": "Spring 2027",
                    "episode_count": "8",
                    "title": "",
                }
            ],
        )
    )
    data.update(
        _inline(
            "availability",
            [
                {
                    "country": str(gb.pk),
                    "platform": str(show.platform_id),
                    "kind": "stream",
                    "release_window": "14 March 2027",
                    "ends_on": "",
                    "confirmed_on": "2026-12-01",
                }
            ],
        )
    )
    with committed():
        response = editor_client.post(reverse("admin:shows_show_change", args=[show.pk]), data)
    assert response.status_code == 302
    season = Season.objects.get(show=show)
    assert (str(season.release_window), season.status) == ("Spring 2027", "filming")
    row = Availability.objects.get(show=show)
    assert str(row.release_window) == "14 March 2027"


def test_a_window_that_makes_no_sense_is_an_inline_error_and_nothing_is_saved(editor_client):
    show = ShowFactory()
    data = change_post(show)
    data.update(
        _inline(
            "seasons",
            [{"number": "1", "status": "filming", "release_window": "Sprung 2027", "title": ""}],
        )
    )
    response = editor_client.post(reverse("admin:shows_show_change", args=[show.pk]), data)
    assert response.status_code == 200
    assert "is not a month name" in response.content.decode()
    assert not Season.objects.exists()


def test_episodes_are_edited_on_the_seasons_page(editor_client, writer):
    show = ShowFactory()
    season = Season.objects.create(show=show, number=1)
    url = reverse("admin:shows_season_change", args=[season.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    data = {
        "number": "1",
        "title": "",
        "status": "announced",
        "release_window": "2027",
        "episode_count": "",
        "loaded_show": page.context["adminform"].form.initial["loaded_show"],
    }
    data.update(
        _inline(
            "episodes",
            [
                {
                    "number": "1",
                    "title": "Pilot",
                    "release_window": "9 January 2027",
                    "runtime": "52",
                },
                {"number": "1", "title": "Twice", "release_window": "", "runtime": ""},
            ],
        )
    )
    twice = editor_client.post(url, data)
    assert twice.status_code == 200  # two episodes numbered 1: refused, nothing kept
    assert not Episode.objects.exists()
    data["episodes-TOTAL_FORMS"] = "1"
    assert editor_client.post(url, data).status_code == 302
    assert str(Episode.objects.get().release_window) == "9 January 2027"
    # Writers edit releases too (they are facts, like credits), but may not delete a season.
    writer_client = Client()
    writer_client.force_login(writer)
    assert writer_client.get(url).status_code == 200
    delete = reverse("admin:shows_season_delete", args=[season.pk])
    assert writer_client.post(delete, {"post": "yes"}).status_code == 403
    assert Season.objects.exists()


def test_rows_saved_inline_need_the_rights_on_their_model(writer):
    from django.core.exceptions import PermissionDenied
    from django.forms import inlineformset_factory

    from newsroom.core.rules import formset_rights, require_formset
    from shows import services

    season = Season.objects.create(show=ShowFactory(), number=1)
    episode = Episode.objects.create(season=season, number=1, title="Pilot")
    Episodes = inlineformset_factory(Season, Episode, fields=["number", "title"], extra=1)
    data = {
        "episodes-TOTAL_FORMS": "2",
        "episodes-INITIAL_FORMS": "1",
        "episodes-0-id": str(episode.pk),
        "episodes-0-number": "1",
        "episodes-0-title": "Pilot",
        "episodes-0-DELETE": "on",
        "episodes-1-number": "2",
        "episodes-1-title": "",
    }
    formset = Episodes(data, instance=season, prefix="episodes")
    assert formset.is_valid(), formset.errors
    assert formset_rights(formset) == {"shows.add_episode", "shows.delete_episode"}
    with pytest.raises(PermissionDenied):  # writers add and change episodes, never delete
        require_formset(writer, formset)
    untouched = Episodes(
        {**data, "episodes-0-DELETE": "", "episodes-TOTAL_FORMS": "1"},
        instance=season,
        prefix="episodes",
    )
    assert untouched.is_valid()
    assert formset_rights(untouched) == set()
    reader = type(writer).objects.create_user("reader")
    with pytest.raises(PermissionDenied):
        services.season_saved(season=season, by=reader, before=None)


def test_a_season_restored_from_its_history_purges_the_calendar(editor_client, committed):
    from reversion.models import Version

    show = ShowFactory(title="Night Market Detectives", slug="night-market")
    season = Season.objects.create(show=show, number=1)
    url = reverse("admin:shows_season_change", args=[season.pk])
    data = {"number": "1", "status": "announced", "title": "", "episode_count": ""}
    data.update(_inline("episodes", []))
    with committed():
        editor_client.post(
            url,
            {**data, "release_window": "November 2027", "loaded_show": _opened(editor_client, url)},
        )
    with committed():
        editor_client.post(
            url,
            {**data, "release_window": "March 2027", "loaded_show": _opened(editor_client, url)},
        )
    calendar = Client().get("/calendar/").content.decode()
    assert "March 2027" in calendar
    assert "November 2027" not in calendar
    first = Version.objects.get_for_object(season).order_by("pk").first()
    revision = reverse("admin:shows_season_revision", args=[season.pk, first.pk])
    opened = editor_client.get(revision).context["adminform"].form.initial["loaded_show"]
    with committed():
        response = editor_client.post(
            revision, {**data, "release_window": "November 2027", "loaded_show": opened}
        )
    assert response.status_code == 302
    calendar = Client().get("/calendar/").content.decode()
    assert "November 2027" in calendar
    assert "March 2027" not in calendar


def test_a_season_saved_over_a_newer_save_is_refused_and_keeps_what_was_typed(
    editor_client, writer
):
    season = Season.objects.create(show=ShowFactory(), number=1)
    url = reverse("admin:shows_season_change", args=[season.pk])
    opened = _opened(editor_client, url)
    other = Client()
    other.force_login(writer)
    theirs = _opened(other, url)
    data = {
        "number": "1",
        "status": "announced",
        "title": "",
        "episode_count": "",
        **_inline("episodes", []),
    }
    saved = other.post(url, {**data, "release_window": "2027", "loaded_show": theirs})
    assert saved.status_code == 302
    refused = editor_client.post(
        url, {**data, "release_window": "Spring 2028", "loaded_show": opened}
    )
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "after you opened this page. Nothing of yours has been saved" in html
    assert 'value="Spring 2028"' in html
    season.refresh_from_db()
    assert str(season.release_window) == "2027"
    renewed = refused.context["adminform"].form.data["loaded_show"]
    again = editor_client.post(
        url, {**data, "release_window": "Spring 2028", "loaded_show": renewed}
    )
    assert again.status_code == 302  # saving again replaces theirs, on purpose
    season.refresh_from_db()
    assert str(season.release_window) == "Spring 2028"
    forged = editor_client.post(url, {**data, "release_window": "2029", "loaded_show": "x"})
    assert forged.status_code == 200

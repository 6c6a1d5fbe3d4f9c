"""Seasons, episodes and where to watch as releases: at their real precision, never on a
made-up day."""

import datetime

import pytest

from shows import services
from shows.cache_tags import RELEASES
from shows.models import Availability, Country, Episode, Genre, Season, ShowKind
from shows.release import Precision, ReleaseWindow
from shows.selectors import ReleaseFilters, arriving, by_month, releases
from tests.shows.factories import ShowFactory

TODAY = datetime.date(2026, 12, 2)


@pytest.fixture
def country(db):
    return Country.objects.create(code="GB", name="United Kingdom")


@pytest.fixture
def genre(db):
    return Genre.objects.create(name="Romance", slug="romance")


def window(text):
    return ReleaseWindow.parse(text)


def test_a_window_knows_its_last_day_and_its_calendar_month():
    assert window("February 2028").end == datetime.date(2028, 2, 29)
    assert window("Autumn 2027").end == datetime.date(2027, 12, 31)
    assert window("2027").end == datetime.date(2027, 12, 31)
    assert window("14 March 2027").end == datetime.date(2027, 3, 14)
    assert window("14 March 2027").month == window("March 2027")
    assert window("Spring 2027").month == window("Spring 2027")  # never a made-up month


def _season(show, number, text, **fields):
    season = Season(show=show, number=number, **fields)
    season.release_window = window(text) if text else None
    season.save()
    return season


def _episode(season, number, text):
    episode = Episode(season=season, number=number)
    episode.release_window = window(text)
    episode.save()
    return episode


@pytest.mark.django_db
def test_a_series_premieres_with_its_seasons_and_a_film_with_itself():
    series = ShowFactory(title="Kitsune Station")
    _season(series, 1, "5 April 2025")  # past: not upcoming
    _season(series, 2, "Spring 2027")
    series.release_window = window("2027")
    series.save()
    film = ShowFactory(title="Signal Fire", kind=ShowKind.FILM)
    film.release_window = window("2028")
    film.save()
    found = releases(today=TODAY)
    assert [(r.kind, r.show.title, str(r.window)) for r in found] == [
        ("season", "Kitsune Station", "Spring 2027"),
        ("show", "Signal Fire", "2028"),
    ]
    assert [r.uid for r in found] == [
        f"season-{series.seasons.get(number=2).pk}",
        f"show-{film.pk}",
    ]


@pytest.mark.django_db
def test_the_opening_episode_on_the_seasons_day_is_the_season():
    show = ShowFactory(title="Night Market Detectives")
    season = _season(show, 1, "14 March 2027")
    _episode(season, 1, "14 March 2027")
    _episode(season, 2, "21 March 2027")
    found = releases(today=TODAY)
    assert [r.label for r in found] == ["Season 1", "Episode 2, Season 1"]
    assert [r.kind for r in releases(today=TODAY, filters=ReleaseFilters(premieres_only=True))] == [
        "season"
    ]


@pytest.mark.django_db
def test_partial_dates_group_under_their_month_season_or_year_after_the_months(country):
    show = ShowFactory()
    for number, text in enumerate(["2027", "Spring 2027", "April 2027", "9 April 2027"], 1):
        _season(show, number, text)
    months = by_month(releases(today=TODAY))
    assert [str(group) for group, _items in months] == ["April 2027", "Spring 2027", "2027"]
    april = months[0][1]
    assert [r.window.precision for r in april] == [Precision.MONTH, Precision.DAY]


@pytest.mark.django_db
def test_filters_narrow_by_platform_country_kind_and_genre(country, genre):
    show = ShowFactory(title="Romantics Anonymous")
    show.genres.add(genre)
    other = ShowFactory(title="Other", kind=ShowKind.FILM)
    other.release_window = window("2027")
    other.save()
    _season(show, 1, "2027")
    row = Availability(show=show, platform=show.platform, country=country, confirmed_on=TODAY)
    row.release_window = window("January 2027")
    row.save()
    everything = releases(today=TODAY)
    assert len(everything) == 3
    by_country = releases(today=TODAY, filters=ReleaseFilters(country=country))
    assert {r.show.title for r in by_country} == {"Romantics Anonymous"}
    assert {r.kind for r in by_country} == {"season", "availability"}
    assert [r.show.title for r in releases(today=TODAY, filters=ReleaseFilters(kind="film"))] == [
        "Other"
    ]
    assert {r.show.title for r in releases(today=TODAY, filters=ReleaseFilters(genre=genre))} == {
        "Romantics Anonymous"
    }
    assert {
        r.show.title for r in releases(today=TODAY, filters=ReleaseFilters(platform=other.platform))
    } == {"Other"}


@pytest.mark.django_db
def test_new_this_week_holds_what_is_known_to_the_day_this_week_and_next(country):
    show = ShowFactory(title="47 Ronin")
    for days in (1, 9, 20):
        row = Availability(
            show=show, platform=show.platform, country=country, confirmed_on=TODAY, kind="free"
        )
        row.release_window = ReleaseWindow(TODAY + datetime.timedelta(days=days), "day")
        row.save()
        show = ShowFactory()
    monday, weeks = arriving(today=TODAY)
    assert monday == datetime.date(2026, 11, 30)
    assert [len(week) for _label, week in weeks] == [1, 1]


@pytest.mark.django_db
def test_a_where_to_watch_row_edited_with_the_show_purges_the_calendar(country):
    show = ShowFactory()
    before = services.show_facts(show.pk)
    Availability.objects.create(
        show=show, platform=show.platform, country=country, confirmed_on=TODAY
    )
    tags = services.change_tags(before, services.show_facts(show.pk))
    assert RELEASES in tags
    assert "list:shows" not in tags  # the tracker does not show where to watch


@pytest.mark.django_db
def test_a_cancelled_show_or_season_leaves_the_calendar(country):
    film = ShowFactory(kind=ShowKind.FILM, status="post_production")
    film.release_window = window("14 March 2027")
    film.save()
    series = ShowFactory()
    kept = Season(show=series, number=1, status="filming")
    kept.release_window = window("Spring 2027")
    kept.save()
    dropped = Season(show=series, number=2, status="cancelled")
    dropped.release_window = window("2028")
    dropped.save()
    Episode.objects.create(
        season=dropped, number=1, release_date=datetime.date(2028, 1, 5), release_precision="day"
    )
    found = {(r.kind, r.pk) for r in releases(today=TODAY)}
    assert found == {("show", film.pk), ("season", kept.pk)}
    services.record_status(show=film, status="cancelled", confirmed_on=TODAY)
    assert ("show", film.pk) not in {(r.kind, r.pk) for r in releases(today=TODAY)}


@pytest.mark.django_db
def test_a_country_lists_only_what_is_still_watchable_there(country):
    gone = ShowFactory(kind=ShowKind.FILM)
    gone.release_window = window("2027")
    gone.save()
    Availability.objects.create(
        show=gone,
        platform=gone.platform,
        country=country,
        confirmed_on=TODAY,
        ends_on=TODAY - datetime.timedelta(days=30),
    )
    assert releases(filters=ReleaseFilters(country=country), today=TODAY) == []
    Availability.objects.filter(show=gone).update(ends_on=None)
    assert [r.show for r in releases(filters=ReleaseFilters(country=country), today=TODAY)] == [
        gone
    ]


@pytest.mark.django_db
def test_a_status_change_purges_the_calendar(committed, monkeypatch):
    purged = []
    monkeypatch.setattr(services, "purge", lambda *tags: purged.extend(tags))
    show = ShowFactory()
    services.record_status(show=show, status="cancelled", confirmed_on=TODAY)
    assert RELEASES in purged

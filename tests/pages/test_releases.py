"""The release calendar, its iCal feeds, "new this week", where to watch by the reader's
country, person feeds with pictures, key art and headshots, as readers and editors meet them."""

import datetime

import feedparser
import icalendar
import pytest
import time_machine
import vobject
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleStatus, Headshot, KeyArt, RichText
from shows.models import Availability, Country, Credit, CreditRole, Episode, Genre, Season
from shows.release import ReleaseWindow
from tests.articles.factories import ArticleFactory, PhotoFactory
from tests.people.factories import PersonFactory
from tests.shows.factories import ShowFactory


def _window(show_or_row, text):
    show_or_row.release_window = ReleaseWindow.parse(text)
    show_or_row.save()
    return show_or_row


@pytest.fixture
def releases(db):
    """A series with a season known to the month and episodes known to the day, a film
    known to the season, and a show arriving on a platform in two countries this week."""
    today = timezone.localdate()
    gb = Country.objects.create(code="GB", name="United Kingdom")
    jp = Country.objects.create(code="JP", name="Japan")
    romance = Genre.objects.create(name="Romance", slug="romance")
    series = ShowFactory(title="Night Market Detectives", slug="nmd")
    series.genres.add(romance)
    season = _window(Season(show=series, number=1, status="post_production"), "March 2027")
    _window(Episode(season=season, number=1, title="Skewers"), "14 March 2027")
    _window(Episode(season=season, number=2), "21 March 2027")
    film = ShowFactory(title="Signal Fire", slug="signal-fire", kind="film")
    _window(film, "Autumn 2027")
    arrival = ShowFactory(title="47 Ronin", slug="47-ronin")
    star = PersonFactory(name="Keanu Reeves", slug="keanu-reeves")
    Credit.objects.create(show=arrival, person=star, role=CreditRole.CAST, billing_order=1)
    coverage = ArticleFactory(headline="47 Ronin comes to streaming", slug="ronin-streaming")
    coverage.shows.add(arrival)
    soon = today + datetime.timedelta(days=2)
    for country in (gb, jp):
        Availability.objects.create(
            show=arrival,
            platform=arrival.platform,
            country=country,
            kind="free",
            release_date=soon,
            release_precision="day",
            confirmed_on=today,
        )
    return {
        "series": series,
        "season": season,
        "film": film,
        "arrival": arrival,
        "gb": gb,
        "jp": jp,
        "star": star,
        "soon": soon,
    }


def test_the_calendar_lists_partial_dates_under_their_month_or_season(client, releases):
    response = client.get("/calendar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'Autumn 2027 <span class="muted">(date to be announced)</span>' in html
    assert "Signal Fire" in html
    march = html.index("March 2027")
    assert html.index("Night Market Detectives", march) > march
    assert "Date to be announced" in html  # the season known only to the month
    assert '<time datetime="2027-03-21">' in html  # the second episode, known to the day


def test_nonsense_filters_give_the_calendar_with_a_notice_not_an_error(client, releases):
    response = client.get("/calendar/", {"platform": "no-such", "kind": "zzz", "genre": "romance"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "were not understood and were left out: Platform, Kind" in html
    assert "Night Market Detectives" in html  # the genre filter that made sense applies
    assert "Signal Fire" not in html


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_ical_feed_spans_partial_windows_or_leaves_them_out(client, releases):
    events = _events(client.get("/calendar.ics"))
    season = events[f"season-{releases['season'].pk}@testserver"]
    assert season.decoded("DTSTART") == datetime.date(2027, 3, 1)
    assert season.decoded("DTEND") == datetime.date(2027, 4, 1)  # all March, exclusive end
    assert "date to be announced" in str(season["SUMMARY"])
    film = events[f"show-{releases['film'].pk}@testserver"]
    assert (film.decoded("DTSTART"), film.decoded("DTEND")) == (
        datetime.date(2027, 10, 1),
        datetime.date(2028, 1, 1),
    )
    exact = _events(client.get("/calendar.ics", {"partial": "skip"}))
    assert f"season-{releases['season'].pk}@testserver" not in exact
    assert all(
        event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(days=1)
        for event in exact.values()
    )
    premieres = _events(client.get("/calendar.ics", {"premieres": "1"}))
    assert {uid.split("-")[0] for uid in premieres} == {"season", "show"}


def test_an_event_keeps_its_uid_when_the_date_firms_up(client, releases, committed):
    uid = f"season-{releases['season'].pk}@testserver"
    before = _events(client.get("/shows/nmd/calendar.ics"))[uid]
    season = releases["season"]
    _window(season, "14 March 2027")
    from shows import services

    with committed():
        services.season_saved(season=season, by=None, before=None)  # as the desk purges
    after = _events(client.get("/shows/nmd/calendar.ics"))[uid]
    assert before.decoded("DTSTART") == datetime.date(2027, 3, 1)
    assert after.decoded("DTSTART") == datetime.date(2027, 3, 14)
    assert "date to be announced" not in str(after["SUMMARY"])


def test_a_calendar_app_reads_the_feed_as_all_day_events(client, releases):
    """vobject (the parser behind Radicale and other CalDAV servers) reads what icalendar
    wrote: all-day dates, not midnight times."""
    text = client.get(f"/people/{releases['star'].slug}/calendar.ics").content.decode()
    calendar = vobject.readOne(text)
    events = list(calendar.vevent_list)
    assert len(events) == 2  # the arrival in the UK and in Japan
    for event in events:
        assert type(event.dtstart.value) is datetime.date
        assert event.dtstart.value == releases["soon"]
        assert event.dtend.value == releases["soon"] + datetime.timedelta(days=1)
        assert event.summary.value == "47 Ronin: free on " + releases["arrival"].platform.name


def test_platform_and_unknown_feeds(client, releases):
    platform = releases["arrival"].platform
    assert len(_events(client.get(f"/platforms/{platform.slug}/calendar.ics"))) == 2
    assert client.get("/shows/no-such-show/calendar.ics").status_code == 404
    assert client.get("/platforms/no-such/calendar.ics").status_code == 404
    assert client.get("/people/no-such/calendar.ics").status_code == 404


def test_new_this_week_names_kind_genre_cast_and_coverage(client, releases):
    html = client.get("/new/", {"country": "gb"}).content.decode()
    assert "New in United Kingdom this week" in html
    assert "47 Ronin" in html
    assert "Keanu Reeves" in html
    assert 'href="/articles/ronin-streaming/"' in html
    assert "Draft this week" not in html  # readers get no desk button
    assert "is not a country we list" in client.get("/new/", {"country": "xx"}).content.decode()


def test_an_editor_drafts_the_roundup_in_one_click(editor_client, releases, editor):
    from tests.articles.factories import AuthorFactory

    AuthorFactory(user=editor, display_name="Mei Tanaka")
    page = editor_client.get("/new/").content.decode()
    assert "Draft this week" in page
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    response = editor_client.post(
        reverse("admin:articles_article_roundup"),
        {"platform": "", "country": "GB", "week": monday.isoformat()},
    )
    article = Article.objects.get(headline__startswith="New in United Kingdom this week and next")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == ArticleStatus.DRAFT
    assert [b.author.display_name for b in article.bylines.all()] == ["Mei Tanaka"]
    assert releases["arrival"] in article.shows.all()
    text = RichText.objects.get(parent=article).text
    assert "arrives in United Kingdom this week and next" in text
    assert "47 Ronin" in text
    assert "Keanu Reeves" in text
    assert 'href="/shows/47-ronin/"' in text


def test_a_reader_cannot_draft_a_roundup(releases):
    url = reverse("admin:articles_article_roundup")
    response = Client().post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert Article.objects.filter(kind="list").count() == 0


def test_a_roundup_is_posted_never_fetched(writer_client, releases):
    assert writer_client.get(reverse("admin:articles_article_roundup")).status_code == 405
    assert Article.objects.filter(kind="list").count() == 0


def test_where_to_watch_follows_the_readers_country(client, releases):
    url = "/shows/47-ronin/"
    chosen = client.get(url, {"country": "JP"}).content.decode()
    assert "Free</strong> on" in chosen
    uk = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert uk["Vary"].count("Accept-Language") == 1
    assert '<option value="GB" selected>' in uk.content.decode()
    japanese = client.get(url, HTTP_ACCEPT_LANGUAGE="ja")  # the same address, another country
    assert '<option value="JP" selected>' in japanese.content.decode()
    Country.objects.create(code="FR", name="France")
    nowhere = client.get(url, HTTP_ACCEPT_LANGUAGE="fr-FR").content.decode()
    assert "Nothing announced for your country yet" in nowhere
    # A code for no country we list is as if nothing said: every country, and no page of
    # its own in the cache.
    unlisted = client.get(url, HTTP_ACCEPT_LANGUAGE="zz-QQ").content.decode()
    assert "Nothing announced for your country yet" not in unlisted
    assert unlisted == client.get(url).content.decode()
    remembered = client.get("/country/", {"country": "JP", "next": url})
    assert remembered.status_code == 302
    assert remembered["Location"] == url
    assert remembered.cookies["country"].value == "JP"
    assert '<option value="JP" selected>' in client.get(url).content.decode()
    assert (
        client.get("/country/", {"country": "JP", "next": "https://evil.example/"})["Location"]
        == "/"
    )


def test_the_show_page_shows_seasons_and_their_structured_data(client, releases):
    html = client.get("/shows/nmd/").content.decode()
    assert "Season 1" in html
    assert "Skewers" in html
    assert '"@type": "TVSeason"' in html
    assert '"numberOfSeasons": 1' in html
    assert '"datePublished": "2027-03-14"' in html
    assert '"startDate": "2027-03"' in html


def test_key_art_and_headshots_lead_their_pages_and_a_photo_edit_purges_them(
    client, releases, editor, committed
):
    from articles import services

    art = PhotoFactory(alt_text="The Signal Fire poster")
    KeyArt.objects.create(show=releases["film"], photo=art)
    portrait = PhotoFactory(alt_text="Keanu Reeves in 2024")
    Headshot.objects.create(person=releases["star"], photo=portrait)
    assert 'alt="The Signal Fire poster"' in client.get("/shows/signal-fire/").content.decode()
    assert 'alt="Keanu Reeves in 2024"' in client.get("/people/keanu-reeves/").content.decode()
    assert 'alt="The Signal Fire poster"' in client.get("/shows/").content.decode()  # its card
    art.alt_text = "The new Signal Fire poster"
    with committed():
        services.save_photo(photo=art, by=editor)
    assert 'alt="The new Signal Fire poster"' in client.get("/shows/signal-fire/").content.decode()


def test_person_feeds_carry_pictures(client, releases):
    star = releases["star"]
    article = ArticleFactory(headline="Keanu Reeves signs on", hero_photo=PhotoFactory())
    article.people.add(star)
    for url in ("/people/keanu-reeves/feed/", "/people/keanu-reeves/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, feed.bozo_exception
        (entry,) = feed.entries
        assert entry.title == "Keanu Reeves signs on"
        assert entry.media_content[0]["url"].startswith("http://testserver/")
        assert entry.media_content[0]["medium"] == "image"
    assert (
        'href="/people/keanu-reeves/feed/"' in client.get("/people/keanu-reeves/").content.decode()
    )
    assert client.get("/people/no-one/feed/").status_code == 404


def test_a_where_to_watch_row_past_its_last_day_is_gone(client, releases):
    today = timezone.localdate()
    Availability.objects.filter(country__code="GB").update(
        release_date=today - datetime.timedelta(days=10), ends_on=today - datetime.timedelta(days=1)
    )
    Availability.objects.filter(country__code="JP").update(
        ends_on=today + datetime.timedelta(days=5)
    )
    uk = client.get("/shows/47-ronin/", {"country": "GB"}).content.decode()
    assert "Nothing announced for your country yet" in uk
    japan = client.get("/shows/47-ronin/", {"country": "JP"})
    assert "until" in japan.content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6)):
        later = client.get("/shows/47-ronin/", {"country": "JP"})  # the copy ended with the row
        assert "Nothing announced for your country yet" in later.content.decode()


def test_where_to_watch_is_purged_with_the_platform_it_names(client, releases, committed):
    from shows import services
    from shows.models import Platform

    other = Platform.objects.create(name="Blue Screen", slug="blue-screen")
    Availability.objects.create(
        show=releases["arrival"],
        platform=other,
        country=releases["gb"],
        confirmed_on=timezone.localdate(),
    )
    url = "/shows/47-ronin/"
    assert "Blue Screen" in client.get(url, {"country": "GB"}).content.decode()
    other.name = "Bluer Screen"
    with committed():
        services.save_vocabulary(obj=other, by=None)
    assert "Bluer Screen" in client.get(url, {"country": "GB"}).content.decode()


def test_new_this_week_follows_the_readers_country_and_names_its_cast_afresh(
    client, releases, committed
):
    client.cookies["country"] = "JP"
    page = client.get("/new/")
    assert "New in Japan this week" in page.content.decode()
    assert "Cookie" in page["Vary"]
    everywhere = client.get("/new/", {"country": ""}).content.decode()
    assert "<h1>New this week</h1>" in everywhere
    assert 'href="/new/?country=JP"' not in everywhere  # links keep "every country"
    star = releases["star"]
    star.name = "K. Reeves"
    from people import services as people

    with committed():
        people.save_person(person=star, by=None)
    assert "K. Reeves" in client.get("/new/").content.decode()


def test_ical_uids_name_the_site_whatever_host_fetched_them(client, releases, settings):
    settings.NEWSROOM_SITE_URL = "https://news.example.com"
    settings.ALLOWED_HOSTS = ["*"]
    events = _events(client.get("/shows/nmd/calendar.ics", HTTP_HOST="cdn-origin.example.net"))
    assert f"season-{releases['season'].pk}@news.example.com" in events


def test_a_calendar_cut_at_its_limit_says_so(client, releases, monkeypatch):
    from shows import selectors

    monkeypatch.setattr(selectors, "RELEASES_LIMIT", 2)
    html = client.get("/calendar/").content.decode()
    assert "The first 2 releases: narrow the calendar to see the rest." in html

import datetime
import json
import re

import pytest
import time_machine
from django.core.cache import cache

from articles.models import Quote, QuoteStyle
from shows.models import Country, Credit, CreditRole, KnownFor, ShowTitle, StatusChange
from shows.release import ReleaseWindow
from tests.articles.factories import ArticleFactory, PhotoFactory
from tests.people.factories import PersonFactory
from tests.shows.factories import ShowFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def show():
    show = ShowFactory(title="Romantics Anonymous", slug="romantics-anonymous", status="filming")
    show.release_window = ReleaseWindow.parse("Spring 2025")
    show.save()
    ShowTitle.objects.create(show=show, title="ロマンティック・アノニマス", kind="original")
    ShowTitle.objects.create(show=show, title="Romantic Anonymous", kind="misspelling")
    StatusChange.objects.create(
        show=show, status="announced", confirmed_on=datetime.date(2023, 12, 1), note="Announced"
    )
    StatusChange.objects.create(
        show=show, status="filming", confirmed_on=datetime.date(2024, 4, 6), note="Cameras roll"
    )
    oguri = PersonFactory(name="Shun Oguri", slug="shun-oguri", native_name="小栗旬")
    han = PersonFactory(name="Han Hyo-joo", slug="han-hyo-joo", native_name="한효주")
    Credit.objects.create(
        show=show,
        person=han,
        role=CreditRole.CAST,
        character_name="Hana",
        character_description="A gifted chocolatier.",
        billing_order=2,
    )
    Credit.objects.create(
        show=show, person=oguri, role=CreditRole.CAST, character_name="Sosuke", billing_order=1
    )
    Credit.objects.create(show=show, person=oguri, role=CreditRole.PRODUCER)
    Credit.objects.create(
        show=show, person=PersonFactory(name="Sho Tsukikawa"), role=CreditRole.DIRECTOR
    )
    return show


def test_the_show_page_has_its_facts_history_credits_articles_and_photos(client, show):
    old = ArticleFactory(
        headline="Older story",
        publish_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
    )
    new = ArticleFactory(headline="Newer story")
    for article in (old, new):
        article.shows.add(show)
    ArticleFactory(headline="Draft story", status="draft", publish_at=None).shows.add(show)
    PhotoFactory(caption="On set in Tokyo.", credit="Netflix").shows.add(show)
    html = client.get("/shows/romantics-anonymous/").content.decode()
    assert "ロマンティック・アノニマス" in html
    assert "Romantic Anonymous" not in html  # misspellings are searchable, never shown
    assert "Spring 2025" in html
    assert html.index("Cameras roll") < html.index("Announced")  # newest first
    assert html.index("Sosuke") < html.index("Hana")  # billing order
    assert "A gifted chocolatier." in html
    assert "Producer" in html
    assert "Director" in html
    assert html.index("Newer story") < html.index("Older story")
    assert "Draft story" not in html
    assert "On set in Tokyo." in html
    assert "Photo: Netflix" in html
    assert 'href="/shows/romantics-anonymous/feed/"' in html


def test_the_show_page_describes_the_show_for_search_engines(client, show):
    data = json_ld(client.get("/shows/romantics-anonymous/").content.decode())
    series = next(item for item in data if item["@type"] == "TVSeries")
    assert series["name"] == "Romantics Anonymous"
    assert series["startDate"] == "2025"  # a season is only as precise as its year
    assert series["actor"][0]["@type"] == "PerformanceRole"
    assert series["actor"][0]["characterName"] == "Sosuke"
    assert series["actor"][0]["actor"]["name"] == "Shun Oguri"
    assert series["director"][0]["name"] == "Sho Tsukikawa"
    assert "Romantic Anonymous" not in series["alternateName"]


def test_a_film_is_a_movie_with_its_release_date_at_its_precision(client):
    film = ShowFactory(kind="film", slug="film")
    film.release_window = ReleaseWindow.parse("March 2025")
    film.save()
    data = json_ld(client.get("/shows/film/").content.decode())
    movie = next(item for item in data if item["@type"] == "Movie")
    assert movie["datePublished"] == "2025-03"


def test_the_person_page_has_both_scripts_credits_photos_articles_and_quotes(client, show):
    oguri = show.credits.get(role="producer").person
    KnownFor.objects.create(person=oguri, show=ShowFactory(title="Godzilla vs. Kong"))
    PhotoFactory(caption="Shun Oguri at a gala.").people.add(oguri)
    article = ArticleFactory(headline="Oguri interview")
    article.people.add(oguri)
    Quote.objects.create(
        parent=article,
        region="body",
        ordering=1,
        text="I love it",
        style=QuoteStyle.DIRECT,
        person=oguri,
    )
    draft = ArticleFactory(headline="Draft", slug="d", status="draft", publish_at=None)
    Quote.objects.create(
        parent=draft, region="body", ordering=1, text="Unpublished words", person=oguri
    )
    html = client.get("/people/shun-oguri/").content.decode()
    assert "Shun Oguri" in html
    assert "小栗旬" in html
    assert "Sosuke" in html
    assert "Producer" in html
    assert html.count('href="/shows/romantics-anonymous/"') >= 1
    assert "Godzilla vs. Kong" in html
    assert "Shun Oguri at a gala." in html
    assert "Oguri interview" in html
    assert "I love it" in html
    assert "Unpublished words" not in html
    person = next(i for i in json_ld(html) if i["@type"] == "Person")
    assert person["alternateName"] == "小栗旬"


def test_the_show_list_filters_like_a_production_tracker(client, show):
    later = ShowFactory(title="Later", status="announced")
    later.release_window = ReleaseWindow.parse("2027")
    later.save()
    ShowFactory(title="Unknown date", status="filming")
    japan = Country.objects.create(code="JP", name="Japan")
    show.countries.add(japan)
    filming = client.get("/shows/?status=filming")
    assert [s.title for s in filming.context["shows"]] == ["Romantics Anonymous", "Unknown date"]
    by_release = client.get("/shows/?sort=release").context["shows"]
    # Windows to come first (2027), then past ones (Spring 2025), unknown windows last.
    assert [s.title for s in by_release][:2] == ["Later", "Romantics Anonymous"]
    assert [s.title for s in by_release][-1] == "Unknown date"
    assert [s.title for s in client.get("/shows/?year=2025").context["shows"]] == [
        "Romantics Anonymous"
    ]
    assert [s.title for s in client.get("/shows/?country=JP").context["shows"]] == [
        "Romantics Anonymous"
    ]


@pytest.mark.parametrize(
    "query",
    ["status=bogus", "year=abc", "year=99999", "country=XX", "sort=password", "platform=%00"],
)
def test_invalid_show_filters_never_fail(client, show, query):
    response = client.get(f"/shows/?{query}")
    assert response.status_code == 200
    assert "not understood" in response.content.decode()


def han_of(show):
    return show.credits.get(character_name="Hana").person


def test_the_people_list_filters_by_role_and_show(client, show):
    directors = client.get("/people/?role=director").context["people"]
    assert [p.name for p in directors] == ["Sho Tsukikawa"]
    cast = client.get("/people/?role=cast&show=romantics-anonymous").context["people"]
    assert [p.name for p in cast] == ["Han Hyo-joo", "Shun Oguri"]
    # Two cast credits on one show (a dual role) still list the person once.
    Credit.objects.create(show=show, person=han_of(show), role=CreditRole.CAST, character_name="X")
    cache.clear()  # written past the desk's services: nothing was purged
    cast = client.get("/people/?role=cast&show=romantics-anonymous").context["people"]
    assert [p.name for p in cast] == ["Han Hyo-joo", "Shun Oguri"]
    other = ShowFactory(title="Other")
    Credit.objects.create(show=other, person=PersonFactory(name="Zed"), role=CreditRole.DIRECTOR)
    cache.clear()
    # "Directors of this show" means the same credit: Oguri (cast here) is not one.
    assert [
        p.name for p in client.get("/people/?role=director&show=Romantics").context["people"]
    ] == ["Sho Tsukikawa"]


def test_the_tracker_lists_what_its_sort_box_says_upcoming_first(client):
    """ "Release window, soonest first", the default: windows still to come (soonest
    first, a window known to the year or season counts as to come until it ends), then
    those past (most recent first), then shows with no window."""
    windows = {
        "Classic 2010 film": "2010",
        "Last spring": "Spring 2026",
        "This year": "2026",
        "Next month": "January 2027",
        "Tomorrow": "3 December 2026",
        "Next year": "2027",
    }
    for title, window in windows.items():
        show = ShowFactory(title=title)
        show.release_window = ReleaseWindow.parse(window)
        show.save()
    ShowFactory(title="No date yet")
    expected = [
        "This year",  # 2026 is not over on 2 December
        "Tomorrow",
        "Next month",
        "Next year",
        "Last spring",
        "Classic 2010 film",
        "No date yet",
    ]
    with time_machine.travel(datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.UTC)):
        default = client.get("/shows/")
        sorted_box = client.get("/shows/?sort=release")
    assert [show.title for show in default.context["shows"]] == expected
    assert [show.title for show in sorted_box.context["shows"]] == expected
    sort_box = default.content.decode().split('<select name="sort" id="id_sort">')[1]
    first_option = sort_box.split("</option>")[0].strip()
    assert first_option == '<option value="release">Release window, soonest first'
    assert " selected" not in sort_box.split("</select>")[0]  # the first is what shows

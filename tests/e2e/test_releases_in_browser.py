"""The release desk in a real browser: an editor adds a season and where to watch on the show
form, a reader finds it in the calendar and follows the show by email, an editor drafts the
weekly roundup in one click. Screenshots of the new pages are written for a person to look at
(desktop and phone, light and dark) when NEWSROOM_SCREENSHOTS names a folder."""

import datetime
import os
import re
from pathlib import Path

import icalendar
import pytest
from django.core import mail

from articles.models import Article
from newsroom.follows.models import Follow
from shows.models import Availability, Season, Show
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_adds_a_season_and_where_to_watch_and_a_reader_sees_them(
    page, browser, demo_site
):
    show = Show.objects.get(slug="romantics-anonymous")
    log_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/admin/shows/show/{show.pk}/change/")
    page.locator("#seasons-group .add-row a").click()
    row = page.locator("#seasons-group tr.form-row.dynamic-seasons").last
    row.locator("input[name$='-number']").fill("2")
    row.locator("select[name$='-status']").select_option("announced")
    row.locator("input[name$='-release_window']").fill("Spring 2028")
    page.locator("#availability-group .add-row a").click()
    watch = page.locator("#availability-group tr.form-row.dynamic-availability").last
    watch.locator("select[name$='-country']").select_option(label="France")
    watch.locator("select[name$='-platform']").select_option(label="Netflix")
    watch.locator("input[name$='-release_window']").fill("March 2028")
    watch.locator("input[name$='-confirmed_on']").fill("2026-12-01")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    season = Season.objects.get(show=show, number=2)
    assert str(season.release_window) == "Spring 2028"
    assert Availability.objects.filter(show=show, country__code="FR").exists()

    # A French reader, without JavaScript, on the show page and the calendar.
    reader = browser.new_context(java_script_enabled=False, locale="fr-FR")
    tab = reader.new_page()
    tab.goto(f"{demo_site}/shows/romantics-anonymous/")
    assert "Season 2" in tab.locator("#seasons-heading + ol").inner_text()
    assert tab.locator("#watch-country").input_value() == "FR"
    assert "March 2028" in tab.locator(".watch").inner_text()
    tab.goto(f"{demo_site}/calendar/")
    tab.get_by_label("Where to watch").select_option("FR")
    tab.get_by_role("button", name="Apply filters").click()
    spring = tab.locator(".calendar-month", has_text="Spring 2028")
    assert "Romantics Anonymous" in spring.inner_text()
    assert "date to be announced" in spring.inner_text()
    reader.close()


def test_the_calendar_feed_a_reader_subscribes_to(browser, demo_site):
    context = browser.new_context()
    response = context.request.get(f"{demo_site}/shows/night-market-detectives/calendar.ics")
    premieres = context.request.get(
        f"{demo_site}/shows/night-market-detectives/calendar.ics?premieres=1"
    )
    assert response.headers["content-type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert "Night Market Detectives: Episode 2: The Noodle Stall Alibi, Season 1" in [
        str(event["SUMMARY"]) for event in events
    ]
    (premiere,) = icalendar.Calendar.from_ical(premieres.body()).walk("VEVENT")
    assert str(premiere["SUMMARY"]) == "Night Market Detectives: Season 1"
    assert premiere.decoded("DTSTART") == datetime.date(2027, 3, 14)
    context.close()


def test_a_reader_follows_a_show_by_email_and_confirms(browser, demo_site, settings):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{demo_site}/shows/kitsune-station/")
    tab.get_by_role("link", name="Follow Kitsune Station by email").click()
    tab.get_by_label("Your email").fill("not an address")
    tab.get_by_role("button", name="Follow Kitsune Station").click()
    assert "Enter a valid email address." in tab.content()
    assert tab.get_by_label("Your email").input_value() == "not an address"
    tab.get_by_label("Your email").fill("fox@example.com")
    tab.get_by_role("button", name="Follow Kitsune Station").click()
    assert tab.locator("h1").inner_text() == "Check your inbox"
    (message,) = [m for m in mail.outbox if m.to == ["fox@example.com"]]
    link = re.search(r"http://testserver(\S+)", message.body)[1]
    tab.goto(demo_site + link)
    tab.get_by_role("button", name="Yes, follow Kitsune Station").click()
    assert tab.locator("h1").inner_text() == "You follow Kitsune Station"
    assert Follow.objects.get(follower__email="fox@example.com").confirmed_at is not None
    context.close()


def test_an_editor_drafts_the_weekly_roundup_in_one_click(page, demo_site):
    log_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/new/netflix/")
    # The browser says en-US: the page starts with the reader's country; the editor widens it.
    assert page.get_by_label("Country").input_value() == "US"
    page.get_by_label("Country").select_option("")
    page.get_by_role("button", name="Show").click()
    assert "Kitsune Station" in page.locator("main").inner_text()
    page.get_by_role("button", name="Draft this week's roundup article").click()
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(headline__startswith="New on Netflix this week")
    assert article.status == "draft"
    assert f"/admin/articles/article/{article.pk}/change/" in page.url
    assert "Kitsune Station" in page.locator(".prose-editor, [contenteditable]").first.inner_text()


SCREENS = {
    "calendar": "/calendar/",
    "new-this-week": "/new/",
    "show-with-seasons": "/shows/kitsune-station/",
    "person-with-headshot": "/people/shun-oguri/",
    "follow": "/follow/show/romantics-anonymous/",
}


@pytest.mark.skipif(not os.environ.get("NEWSROOM_SCREENSHOTS"), reason="screenshots on request")
def test_screenshots_of_the_release_pages(browser, demo_site):
    folder = Path(os.environ["NEWSROOM_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for device, viewport in (("desktop", (1280, 900)), ("phone", (375, 800))):
            context = browser.new_context(
                color_scheme=scheme,
                viewport={"width": viewport[0], "height": viewport[1]},
                is_mobile=device == "phone",
                locale="en-GB",
            )
            tab = context.new_page()
            for name, path in SCREENS.items():
                tab.goto(demo_site + path)
                tab.screenshot(path=folder / f"{name}-{device}-{scheme}.png", full_page=True)
            context.close()
    assert len(list(folder.glob("*.png"))) == len(SCREENS) * 4

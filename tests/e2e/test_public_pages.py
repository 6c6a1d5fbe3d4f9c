"""The reader's site in a real browser: valid HTML, no axe violations, phone-sized, no JS
needed, and the journey a reader takes through the demo newsroom."""

import json
import re
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# One of every page type, filled with the demo newsroom.
PAGES = {
    "home": "/",
    "article": "/articles/romantics-anonymous-everything-we-know-so-far/",
    "show": "/shows/romantics-anonymous/",
    "film": "/shows/les-emotifs-anonymes/",
    "person": "/people/shun-oguri/",
    "author": "/authors/jacob-robinson/",
    "tag": "/tags/k-drama/",
    "article list": "/articles/?kind=explainer",
    "article list, bad filter": "/articles/?published_after=not-a-date",
    "show list": "/shows/?status=filming",
    "people list": "/people/?role=cast&show=romantics-anonymous",
    "search, Latin": "/search/?q=Romantic+Anonymous",
    "search, Japanese": "/search/?q=%E5%B0%8F%E6%A0%97%E6%97%AC",
    "search, Korean": "/search/?q=%ED%95%9C%ED%9A%A8%EC%A3%BC",
    "not found": "/articles/no-such-story/",
    "series with seasons": "/shows/kitsune-station/?country=GB",
    "calendar": "/calendar/",
    "calendar, bad filter": "/calendar/?platform=nope&kind=zzz",
    "new this week": "/new/",
    "new on a platform": "/new/netflix/?country=FR",
    "follow form": "/follow/show/romantics-anonymous/",
    "static page": "/about/",
    "static subpage": "/about/team/",
}
# What each page must show, so that the checks below look at the real, full pages.
EXPECTED = {
    "home": "Romantics Anonymous: Everything We Know So Far",
    "article": "About Jacob Robinson",
    "show": "Sosuke Fujiwara",
    "film": "Les Émotifs anonymes",
    "person": "小栗旬",
    "author": "Articles by Jacob Robinson",
    "tag": "K-drama",
    "article list": "Romantics Anonymous: Everything We Know So Far",
    "article list, bad filter": "Enter a valid date.",
    "show list": "Romantics Anonymous",
    "people list": "Shun Oguri",
    "search, Latin": 'href="/shows/romantics-anonymous/"',
    "search, Japanese": 'href="/people/shun-oguri/"',
    "search, Korean": 'href="/people/han-hyo-joo/"',
    "not found": "We could not find that page",
    "series with seasons": "Season 2",
    "calendar": "date to be announced",
    "calendar, bad filter": "were not understood",
    "new this week": "47 Ronin",
    "new on a platform": "Kitsune Station",
    "follow form": "Follow Romantics Anonymous",
    "static page": "In this section",
    "static subpage": "Our writers work from",
}


def tools():
    """The paths of the tools the checks need: axe-core, vnu.jar and Java."""
    if not AXE.exists() or not VNU.exists():
        pytest.fail("axe-core and vnu-jar are missing: `make test` installs them (npm ci).")
    java = shutil.which("java")
    if not java:
        pytest.fail("The Nu HTML checker needs Java: `make test` installs it (apt).")
    return java


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (the test's own server)
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


def page_contents(base):
    """Problems if a page is missing or not the full page it should be."""
    problems = []
    for name, path in PAGES.items():
        try:
            with urllib.request.urlopen(base + path) as response:  # noqa: S310
                status, html = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, html = error.code, error.read().decode()
        if status != (404 if name == "not found" else 200):
            problems.append(f"{name}: HTTP {status}")
        if EXPECTED[name] not in html:
            problems.append(f"{name}: {EXPECTED[name]!r} is missing")
    return problems


def posted_pages(base):
    """Pages a POST answers with: the comment form with errors, the CSRF failure page."""
    article = base + PAGES["article"]
    with urllib.request.urlopen(article) as response:  # noqa: S310
        cookie = response.headers["Set-Cookie"].split(";")[0]
        csrf = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()
        ).group(1)
    pages = {}
    for name, headers, fields in [
        ("comment with errors", {"Cookie": cookie}, {"csrfmiddlewaretoken": csrf, "body": "x"}),
        ("CSRF failure", {}, {"body": "x"}),
    ]:
        request = urllib.request.Request(  # noqa: S310 (the test's own server)
            article + "comments/",
            data=urllib.parse.urlencode(fields).encode(),
            headers={**headers, "Referer": base},
        )
        pages[name] = fetch(request)
    assert b"This field is required." in pages["comment with errors"]
    assert b"Please send that again" in pages["CSRF failure"]
    return pages


def html_errors(base, folder):
    """The Nu HTML checker's errors, one run for every page."""
    java = tools()
    files = []
    pages = {name: fetch(base + path) for name, path in PAGES.items()}
    pages.update(posted_pages(base))
    for number, html in enumerate(pages.values()):
        file = folder / f"page{number}.html"
        file.write_bytes(html)
        files.append(file)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    names = {f"file:{file}": name for file, name in zip(files, pages, strict=True)}
    return [
        f"{names.get(m.get('url'), m.get('url'))}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]


def axe_violations(base, browser, scheme):
    tools()
    # axe is injected as an inline script: the test tool, not the page, bypasses the CSP.
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    found = []
    for name, path in PAGES.items():
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
        )
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"{name} ({scheme}): {violation['id']}: {targets}")
    # The comment form sent empty: the page with its errors next to the fields.
    page.goto(base + PAGES["article"])
    page.get_by_role("button", name="Post comment").click()
    page.wait_for_selector(".field__error")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    found += [f"comment errors ({scheme}): {v['id']}" for v in result["violations"]]
    context.close()
    return found


def too_wide_for_a_phone(base, browser):
    """Pages wider than a 375 px phone, rendered without JavaScript."""
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    found = []
    for name, path in PAGES.items():
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            found.append(f"{name}: {width} px")
    context.close()
    return found


def images_without_alt_or_credit(base, page):
    found = []
    for name, path in PAGES.items():
        page.goto(base + path)
        if page.locator("img:not([alt])").count():
            found.append(f"{name}: an image without alt")
        for figure in page.locator("figure.photo").all():
            if not figure.locator(".photo__credit").text_content().startswith("Photo: "):
                found.append(f"{name}: a photo without its credit line")
    return found


def test_every_page_type_meets_the_quality_bars(demo_site, browser, page, tmp_path):
    """One demo newsroom, every page type: present, valid HTML (Nu checker), no axe-core
    violations (WCAG 2.1 A/AA) in light and dark mode, fits a 375 px phone without
    JavaScript, alt text on every image and a credit on every photo."""
    problems = {
        "content": page_contents(demo_site),
        "html": html_errors(demo_site, tmp_path),
        "axe": axe_violations(demo_site, browser, "light")
        + axe_violations(demo_site, browser, "dark"),
        "phone": too_wide_for_a_phone(demo_site, browser),
        "images": images_without_alt_or_credit(demo_site, page),
    }
    assert {check: found for check, found in problems.items() if found} == {}


def test_a_reader_follows_the_story_to_the_show_a_cast_member_and_a_feed(demo_site, browser):
    """The issue's "done when", without JavaScript: links and GET forms only."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + "/")
    page.get_by_role("link", name="Romantics Anonymous: Everything We Know So Far").first.click()
    box = page.locator(".show-box").first
    assert "Filming" in box.inner_text()
    assert "6 April 2024" in box.inner_text()
    assert "Sosuke Fujiwara" in box.inner_text()
    box.get_by_role("link", name="Romantics Anonymous", exact=True).click()
    assert page.locator("h1").inner_text() == "Romantics Anonymous"
    page.locator(".credits").get_by_role("link", name="Shun Oguri").click()
    assert "小栗旬" in page.locator("h1").inner_text()
    assert page.locator("#photos-heading").is_visible()
    assert page.locator("figure.photo figcaption").first.inner_text()
    # Filter the tracker by status with the plain GET form.
    page.goto(demo_site + "/shows/")
    page.get_by_label("Status").select_option("filming")
    page.get_by_role("button", name="Apply filters").click()
    assert "status=filming" in page.url
    titles = page.locator(".card__title").all_inner_texts()
    assert "Romantics Anonymous" in titles
    # Search in Latin script (with the common misspelling) and in Japanese and Korean.
    for query, expected in [
        ("Romantic Anonymous", "Romantics Anonymous"),
        ("小栗旬", "Shun Oguri"),
        ("한효주", "Han Hyo-joo"),
    ]:
        page.locator("#site-search-q").fill(query)
        page.locator(".site-search button").click()
        assert expected.lower() in page.locator("main").inner_text().lower(), query
    # Subscribe: the feed the show page advertises is a real feed.
    page.goto(demo_site + "/shows/romantics-anonymous/")
    feed = page.locator('link[type="application/rss+xml"]').last.get_attribute("href")
    assert b"<rss" in fetch(demo_site + feed)
    context.close()

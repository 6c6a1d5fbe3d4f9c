"""The reader's site in a real browser: valid HTML, no axe violations, phone-sized, no JS
needed, and the journey a reader takes through the demo newsroom."""

import json
import shutil
import subprocess
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
    "people list": "/people/?role=cast",
    "search, Latin": "/search/?q=Romantic+Anonymous",
    "search, Japanese": "/search/?q=%E5%B0%8F%E6%A0%97%E6%97%AC",
    "search, Korean": "/search/?q=%ED%95%9C%ED%9A%A8%EC%A3%BC",
    "not found": "/articles/no-such-story/",
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


def test_every_page_type_is_valid_html(demo_site, tmp_path):
    java = tools()
    files = []
    for number, path in enumerate(PAGES.values()):
        file = tmp_path / f"page{number}.html"
        file.write_bytes(fetch(demo_site + path))
        files.append(file)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    names = {f"file:{file}": name for file, name in zip(files, PAGES, strict=True)}
    errors = [
        f"{names.get(m.get('url'), m.get('url'))}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_has_no_axe_violations(demo_site, browser, scheme):
    tools()
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for name, path in PAGES.items():
        page.goto(demo_site + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
        )
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.setdefault(name, []).append(f"{violation['id']}: {targets}")
    context.close()
    assert found == {}


def test_every_page_fits_a_375_px_phone_without_javascript(demo_site, browser):
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    too_wide = {}
    for name, path in PAGES.items():
        page.goto(demo_site + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[name] = width
    context.close()
    assert too_wide == {}


def test_every_image_has_alt_text_and_every_photo_a_credit(demo_site, page):
    for path in PAGES.values():
        page.goto(demo_site + path)
        assert page.locator("img:not([alt])").count() == 0, path
        for figure in page.locator("figure.photo").all():
            assert figure.locator(".photo__credit").text_content().startswith("Photo: ")


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

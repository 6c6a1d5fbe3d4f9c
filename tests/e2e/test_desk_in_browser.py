"""The desk as writers and editors use it: nothing typed is lost (autosave, the browser's
copy, leaving asks first), the live preview, presence and merge, the photo library."""

import pytest

from articles.models import Article
from newsroom.core.models import Autosave
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)
SLUG = "orbit-of-two-rumour"  # a draft by Jacob Robinson, the demo's writer
BODY = "#articles_richtext_set-0 .ProseMirror[contenteditable]"


def kept_on_server(*wanted, seconds=10):
    """Wait for the server's autosave to hold each [name, value] pair or text wanted."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        kept = Autosave.objects.first()
        data = kept.data if kept else []
        if all(w in data if isinstance(w, list) else w in str(data) for w in wanted):
            return data
        time.sleep(0.2)
    raise AssertionError(f"the autosave never held {wanted}: {data}")


def test_unsaved_text_survives_a_closed_tab_and_a_lost_network(browser, demo_site):
    article = Article.objects.get(slug=SLUG)
    change = f"{demo_site}/admin/articles/article/{article.pk}/change/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, demo_site, "writer")
    page.goto(change)
    page.fill("#id_headline", "Orbit of Two: the rumour, checked")
    page.locator(BODY).click()
    page.keyboard.press("End")
    page.keyboard.type(" Kaleidoscope")
    page.get_by_text("Unsaved changes kept at").wait_for()
    kept_on_server(["headline", "Orbit of Two: the rumour, checked"], "Kaleidoscope")
    # Leaving with changes not saved asks first.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.goto(f"{demo_site}/admin/")
    assert dialogs == ["beforeunload"]
    context.close()  # the tab, and this browser's storage, are gone

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, demo_site, "writer")
    page.goto(change)
    offer = page.locator(".nr-autosave__offer")
    assert "Restore your unsaved changes from" in offer.inner_text()
    assert "Headline" in offer.inner_text()
    assert "body" in offer.inner_text()
    offer.get_by_role("link", name="Restore them").click()
    page.get_by_text("Nothing is saved yet").wait_for()
    assert page.input_value("#id_headline") == "Orbit of Two: the rumour, checked"
    assert "Kaleidoscope" in page.locator(BODY).inner_text()
    article.refresh_from_db()
    assert article.headline != "Orbit of Two: the rumour, checked"  # nothing saved

    # The network goes: the browser keeps the copy and says so.
    context.set_offline(True)
    page.fill("#id_headline", "Typed on a train")
    page.get_by_text("Offline: your changes are kept in this browser").wait_for(timeout=10_000)
    page.close(run_before_unload=False)
    context.set_offline(False)
    page = context.new_page()
    page.goto(change)
    offer = page.locator(".nr-autosave__offer", has_text="This browser kept them")
    offer.get_by_role("button", name="Restore them").click()
    page.get_by_text("Nothing is saved yet").wait_for()
    assert page.input_value("#id_headline") == "Typed on a train"

    # Saved for real: the autosave is gone and nothing is offered again.
    page.get_by_role("button", name="Save and continue editing").first.click()
    page.wait_for_selector(".messagelist .success")
    assert not Autosave.objects.exists()
    page.reload()
    assert page.locator(".nr-autosave__offer").count() == 0
    context.close()


def test_the_preview_pane_shows_a_word_typed_a_moment_ago(page, demo_site):
    article = Article.objects.get(slug=SLUG)
    log_in(page, demo_site, "writer")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Show preview").click()
    preview = page.frame_locator(".nr-preview__frame")
    preview.locator(".preview-banner").wait_for()
    page.locator(BODY).click()
    page.keyboard.press("End")
    page.keyboard.type(" Marmalade")
    preview.get_by_text("Marmalade").wait_for()
    assert "not saved" in preview.locator(".preview-banner").inner_text()
    # At phone width the page is laid out for a phone.
    page.get_by_role("button", name="Phone").click()
    assert page.locator(".nr-preview__frame").evaluate("f => f.offsetWidth") == 390
    article.refresh_from_db()
    assert "Marmalade" not in article.body_html
    # The pane stays open on the next article opened, as it was left.
    page.goto(f"{demo_site}/admin/articles/article/add/")
    assert page.get_by_role("button", name="Hide preview").is_visible()
    page.locator("#id_headline").press_sequentially("A story not saved at all")
    preview.get_by_role("heading", name="A story not saved at all").wait_for()
    assert "Jacob Robinson" in preview.locator(".byline").inner_text()  # its first byline


def test_restoring_an_old_version_of_a_live_article_keeps_it_live(page, demo_site):
    article = Article.objects.get(slug="romantics-anonymous-everything-we-know-so-far")
    assert article.is_live
    change = f"{demo_site}/admin/articles/article/{article.pk}/change/"
    log_in(page, demo_site, "editor")
    for headline in ("Romantics Anonymous: the first look", "Romantics Anonymous: the second"):
        page.goto(change)
        page.fill("#id_headline", headline)
        page.get_by_role("button", name="Save and continue editing").first.click()
        page.wait_for_selector(".messagelist .success")
    page.goto(f"{change.removesuffix('change/')}history/")
    page.get_by_role("link", name="Restore this version").first.click()
    assert (
        "Where the article stands stays as it is now: Published"
        in page.locator(".nr-autosave__restored").inner_text()
    )
    assert page.locator("button[name=_workflow]").count() == 0  # no step from a restore
    assert page.input_value("#id_headline") == "Romantics Anonymous: the first look"
    page.get_by_role("button", name="Save", exact=True).first.click()
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.headline == "Romantics Anonymous: the first look"
    assert article.is_live
    reader = page.context.browser.new_page()
    assert reader.goto(f"{demo_site}{article.get_absolute_url()}").status == 200
    assert reader.locator("h1").inner_text() == "Romantics Anonymous: the first look"
    reader.close()


def test_two_editors_see_each_other_and_their_saves_merge(browser, demo_site, settings):
    article = Article.objects.get(slug="romantics-anonymous-everything-we-know-so-far")
    change = f"{demo_site}/admin/articles/article/{article.pk}/change/"

    def desk(username):
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        log_in(page, demo_site, username)
        page.goto(change)
        return page

    mei = desk("editor")  # Mei Tanaka
    admin = desk("admin")
    assert "Mei Tanaka is editing this (since" in admin.locator(".nr-presence__others").inner_text()
    # Mei's page learns of the second editor at its next heartbeat.
    mei.locator(".nr-presence__others", has_text="is editing this").wait_for(timeout=20_000)

    # Different fields: the second save keeps the first.
    mei.fill("#id_headline", "Romantics Anonymous: Mei's headline")
    mei.get_by_role("button", name="Save and continue editing").first.click()
    mei.wait_for_selector(".messagelist .success")
    admin.fill("#id_dek", "A dek the second editor wrote.")
    admin.get_by_role("button", name="Save and continue editing").first.click()
    admin.get_by_text("both saves are kept").wait_for()
    article.refresh_from_db()
    assert article.headline == "Romantics Anonymous: Mei's headline"
    assert article.dek == "A dek the second editor wrote."

    # The same field: offered side by side, nothing saved, nothing typed lost.
    mei.fill("#id_headline", "Mei again")
    mei.get_by_role("button", name="Save and continue editing").first.click()
    mei.wait_for_selector(".messagelist .success")
    admin.fill("#id_headline", "The admin's own headline")
    admin.get_by_role("button", name="Save and continue editing").first.click()
    table = admin.locator("table.nr-merge")
    assert "Mei again" in table.inner_text()
    assert "The admin's own headline" in table.inner_text()
    assert admin.input_value("#id_headline") == "The admin's own headline"
    article.refresh_from_db()
    assert article.headline == "Mei again"
    table.get_by_role("button", name="Use theirs").click()
    assert admin.input_value("#id_headline") == "Mei again"
    admin.get_by_role("button", name="Save and continue editing").first.click()
    admin.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert (article.headline, article.dek) == ("Mei again", "A dek the second editor wrote.")


def test_the_photo_chooser_shows_thumbnails_uploads_in_place_and_catches_a_duplicate(
    page, demo_site, tmp_path
):
    from articles.models import Photo
    from tests.articles.test_photo_metadata import _jpeg, jpeg_with_xmp

    shot = tmp_path / "gala.jpg"
    shot.write_bytes(jpeg_with_xmp("Shun Oguri at the gala, before the premiere."))
    log_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/admin/articles/article/add/")
    hero = page.locator(".field-hero_photo .nr-photo-chooser")
    hero.get_by_role("button", name="Choose a photo").click()
    library = page.get_by_role("dialog", name="Photo library")
    tiles = library.locator(".nr-library__tile")
    tiles.first.wait_for()
    assert tiles.count() == Photo.objects.count()
    assert tiles.first.locator("img").evaluate("img => img.naturalWidth") > 0  # a thumbnail
    # Search narrows the grid.
    library.get_by_label("Search captions, credits and events").fill("Hammer")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.nr-library__tile')].every("
        "t => t.textContent.includes('Hammer'))"
    )
    library.get_by_label("Search captions, credits and events").fill("")
    page.wait_for_function(
        f"() => document.querySelectorAll('.nr-library__tile').length === {Photo.objects.count()}"
    )

    # An upload, checked in place: the file's own caption shown before it is added.
    library.locator("#nr-library-files").set_input_files(str(shot))
    card = library.locator(".nr-upload").first
    card.get_by_label("Caption").wait_for()
    assert (
        card.get_by_label("Caption").input_value() == "Shun Oguri at the gala, before the premiere."
    )
    card.get_by_role("button", name="Add to the library").click()
    card.get_by_role("button", name="Use this photo").wait_for()
    added = Photo.objects.get(caption="Shun Oguri at the gala, before the premiere.")

    # A file with nothing in it: refused without a caption, and what was typed stays.
    bare = tmp_path / "bare.jpg"
    bare.write_bytes(_jpeg())
    library.locator("#nr-library-files").set_input_files(str(bare))
    card = library.locator(".nr-upload").nth(1)
    card.get_by_text("The file carries no caption or credit").wait_for()
    card.get_by_label("Credit").fill("Photo: Newsroom staff")
    card.get_by_role("button", name="Add to the library").click()
    card.get_by_text("Not added").wait_for()
    assert "required" in card.locator(".nr-upload__error[data-for=caption]").inner_text()
    assert card.get_by_label("Credit").input_value() == "Photo: Newsroom staff"
    card.get_by_label("Caption").fill("The newsroom's own picture.")
    card.get_by_label("Alt text (what the picture shows)").fill("A grey test card.")
    card.get_by_role("button", name="Add to the library").click()
    card.get_by_role("button", name="Use this photo").click()
    assert hero.locator("img").get_attribute("src")
    assert "The newsroom's own picture." in hero.inner_text()
    bare_photo = Photo.objects.get(caption="The newsroom's own picture.")
    assert hero.locator("input").input_value() == str(bare_photo.pk)

    # The same file again: the library offers the one it has.
    hero.get_by_role("button", name="Choose a photo").click()
    library.locator("#nr-library-files").set_input_files(str(shot))
    card = library.locator(".nr-upload").first
    card.get_by_text("This file is already in the library.").wait_for()
    card.get_by_role("button", name="Use the one in the library").click()
    assert Photo.objects.filter(caption__startswith="Shun Oguri at the gala").count() == 1
    assert "Shun Oguri at the gala" in hero.inner_text()
    assert hero.locator("input").input_value() == str(added.pk)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_what_the_desk_adds_passes_axe(browser, demo_site, scheme):
    from tests.e2e.test_public_pages import AXE, WCAG, tools

    tools()
    article = Article.objects.get(slug=SLUG)
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    log_in(page, demo_site, "editor")
    ours = [
        ".nr-desk-tools",
        "#nr-autosave",
        "#nr-presence",
        "#nr-counts",
        ".nr-photo-chooser",
        ".nr-preview",
        ".nr-workflow",
        ".nr-library",
        ".nr-moderate",
        ".nr-keys",
        ".nr-dashboard",
    ]
    found = []

    def check(name):
        page.add_script_tag(path=str(AXE))
        present = [s for s in ours if page.locator(s).count()]
        result = page.evaluate(
            "([include, tags]) => axe.run({include: include.map(s => [s])},"
            " {runOnly: {type: 'tag', values: tags}})",
            [present, WCAG],
        )
        found.extend(
            f"{name}: {v['id']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        )

    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Show preview").click()
    page.frame_locator(".nr-preview__frame").locator(".preview-banner").wait_for()
    check("article desk with its preview")
    page.locator(".field-hero_photo").get_by_role("button", name="Choose a photo").click()
    page.locator(".nr-library__tile").first.wait_for()
    check("photo library")
    page.keyboard.press("Escape")
    page.goto(f"{demo_site}/admin/articles/comment/")
    check("comment queue")
    page.goto(f"{demo_site}/admin/")
    check("dashboard")
    context.close()
    assert not found, found

"""An editor runs the desk in a real browser: block editing and the status tracker."""

import pytest

from articles.models import BLOCK_MODELS, Article, Quote
from shows.models import Show
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_adds_a_quote_block_to_the_article_body(page, demo_site):
    article = Article.objects.get(slug="romantics-anonymous-everything-we-know-so-far")
    blocks_before = Quote.objects.filter(parent=article).count()
    last_ordering = max(
        block.ordering for model in BLOCK_MODELS for block in model.objects.filter(parent=article)
    )
    log_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")

    page.click(".order-machine-insert-target.last")
    page.click('.plugin-buttons .plugin-button[data-plugin-prefix="articles_quote_set"]')
    new_quote = page.locator(".inline-related.last-related:not(.empty-form)").last
    new_quote.locator("textarea[name$='-text']").fill("Filming wraps next month.")
    new_quote.locator("input[name$='-speaker']").fill("A Netflix spokesperson")
    new_quote.locator("input[name$='-context']").fill("in a statement")
    page.click("input[name=_continue]")

    page.wait_for_selector(".messagelist .success")
    quotes = Quote.objects.filter(parent=article).order_by("ordering")
    assert quotes.count() == blocks_before + 1
    newest = quotes.last()
    assert (newest.speaker, newest.style) == ("A Netflix spokesperson", "reported")
    assert newest.ordering > last_ordering  # at the end of the body, after every block


def test_an_editor_moves_a_show_to_post_production_and_the_history_shows_it(page, demo_site):
    show = Show.objects.get(slug="romantics-anonymous")
    log_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/admin/shows/show/{show.pk}/change/")
    page.select_option("#id_status", "post_production")
    page.fill("#id_status_confirmed_on", "2024-08-30")
    page.fill("#id_status_note", "Filming wrapped.")
    page.click("input[name=_continue]")

    page.wait_for_selector(".messagelist .success")
    history = page.locator("#status_history-group tbody tr")
    assert "post-production" in history.first.inner_text()
    assert "30 August 2024" in history.first.inner_text()
    show.refresh_from_db()
    assert show.status == "post_production"
    assert show.status_history.count() == 2


def test_a_writer_sees_the_status_but_cannot_change_it(page, demo_site):
    show = Show.objects.get(slug="romantics-anonymous")
    log_in(page, demo_site, "writer")
    page.goto(f"{demo_site}/admin/shows/show/{show.pk}/change/")
    assert page.locator("#id_status").count() == 0
    assert "filming" in page.locator("div.form-row.field-status").inner_text()


def test_an_editor_sets_a_photos_focal_point_by_clicking_the_preview(page, demo_site):
    from articles.models import Photo
    from articles.renditions import rendition_key

    photo = Photo.objects.filter(image__contains="han").first() or Photo.objects.first()
    old_card = photo.renditions["card"][-1][3]
    log_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/admin/articles/photo/{photo.pk}/change/")
    preview = page.locator(".nr-focal img")
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.3})
    assert page.input_value("#id_focal_x") == "25"
    assert page.input_value("#id_focal_y") == "30"
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    photo.refresh_from_db()
    assert (photo.focal_x, photo.focal_y) == (25, 30)
    assert photo.renditions["key"] == rendition_key(photo)
    assert photo.renditions["card"][-1][3] != old_card  # new crops, new addresses


def test_every_desk_list_fits_a_1280_pixel_screen(page, demo_site):
    log_in(page, demo_site, "editor")
    wide = {}
    for model in (
        "articles/article",
        "articles/comment",
        "articles/photo",
        "articles/author",
        "shows/show",
        "people/person",
    ):
        page.goto(f"{demo_site}/admin/{model}/")
        # The page, and the table inside its scrolling box, both within the screen.
        width = page.evaluate(
            "Math.max(document.documentElement.scrollWidth,"
            " ...[...document.querySelectorAll('.results')].map("
            "e => e.scrollWidth - e.clientWidth + 1280))"
        )
        if width > 1280:
            wide[model] = width
    assert not wide, f"lists wider than the screen: {wide}"

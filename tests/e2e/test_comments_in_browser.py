"""A reader comments, a moderator approves it in the admin, the reader sees it published."""

import pytest

from articles.models import Comment, CommentStatus
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)
ARTICLE = "/articles/romantics-anonymous-everything-we-know-so-far/"


def test_a_reader_comments_and_a_moderator_approves_it(browser, demo_site, settings):
    settings.COMMENTS_MIN_SECONDS = 1
    reader = browser.new_context(java_script_enabled=False)
    page = reader.new_page()
    page.goto(demo_site + ARTICLE)
    page.wait_for_timeout(1100)
    page.get_by_label("Name").fill("Hana fan")
    page.get_by_label("Email").fill("hana.fan@example.com")
    page.get_by_label("Comment", exact=True).fill(
        "Can't wait for this one!\nWill it be on in the UK?"
    )
    page.get_by_role("button", name="Post comment").click()
    comment = Comment.objects.get(email="hana.fan@example.com")
    assert page.url.endswith(f"#comment-{comment.pk}")
    mine = page.locator(f"#comment-{comment.pk}")
    assert "Awaiting moderation" in mine.inner_text()

    stranger = browser.new_context().new_page()
    stranger.goto(demo_site + ARTICLE)
    assert stranger.locator(f"#comment-{comment.pk}").count() == 0

    desk = browser.new_context().new_page()
    log_in(desk, demo_site, "moderator")
    assert "waiting for moderation" in desk.locator("#content").inner_text()
    desk.goto(f"{demo_site}/admin/articles/comment/?status__exact=held")
    desk.locator(f"input[name=_selected_action][value='{comment.pk}']").check()
    desk.select_option("select[name=action]", "approve")
    desk.get_by_role("button", name="Go").click()
    desk.wait_for_selector(".messagelist .success")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED

    page.reload()
    mine = page.locator(f"#comment-{comment.pk}")
    assert "Awaiting moderation" not in mine.inner_text()
    assert "Will it be on in the UK?" in mine.inner_text()
    stranger.reload()
    assert stranger.locator(f"#comment-{comment.pk}").count() == 1
    reader.close()


def test_a_moderator_works_the_held_queue_with_one_click_and_with_keys(page, demo_site):
    from tests.articles.factories import CommentFactory

    demo_held = Comment.objects.get(status=CommentStatus.HELD)
    CommentFactory(article=demo_held.article, name="Second reader", body="Is it out yet?")
    held = list(Comment.objects.filter(status=CommentStatus.HELD).order_by("-created_at", "-id"))
    desk = page  # 1280 px wide; the fixture fails on any script error or CSP report
    log_in(desk, demo_site, "moderator")
    desk.goto(f"{demo_site}/admin/articles/comment/?status__exact=held")
    first = desk.locator("#result_list tbody tr").filter(
        has=desk.locator(f"input[value='{held[0].pk}']")
    )
    first.get_by_role("button", name="Approve").click()
    # Done in place: the row says approved, the page did not reload, the change is stored.
    first.locator(".nr-badge--approved").wait_for()
    assert "marked approved" in desk.get_by_role("status").inner_text()
    assert first.get_by_role("button", name="Approve").is_disabled()
    held[0].refresh_from_db()
    assert held[0].status == CommentStatus.APPROVED

    # Keys: j selects the first row, j the next, s marks it spam.
    desk.keyboard.press("j")
    desk.keyboard.press("j")
    desk.keyboard.press("s")
    second = desk.locator("#result_list tbody tr").nth(1)
    second.locator(".nr-badge--spam").wait_for()
    spammed = Comment.objects.get(pk=second.locator("input[name=_selected_action]").input_value())
    assert spammed.status == CommentStatus.SPAM

    # The comment's own page has the same buttons.
    desk.goto(f"{demo_site}/admin/articles/comment/{held[0].pk}/change/")
    desk.get_by_role("button", name="Remove").click()
    desk.get_by_text("marked removed").wait_for()
    held[0].refresh_from_db()
    assert held[0].status == CommentStatus.REMOVED
    # The page's own table fits the desktop width.
    desk.goto(f"{demo_site}/admin/articles/comment/")
    assert desk.evaluate("document.documentElement.scrollWidth") <= 1280

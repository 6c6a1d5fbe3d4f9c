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

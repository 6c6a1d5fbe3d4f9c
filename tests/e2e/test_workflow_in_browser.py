"""The whole loop: a writer submits a draft, an editor schedules it ahead, a reader sees it
only once its time has come (nothing runs in the background to release it; the test moves
the clock rather than wait)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, ArticleStatus
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)
SLUG = "orbit-of-two-rumour"


def test_writer_submits_editor_schedules_reader_sees_it_on_time(browser, demo_site):
    article = Article.objects.get(slug=SLUG)
    change = f"{demo_site}/admin/articles/article/{article.pk}/change/"

    writer = browser.new_context().new_page()
    log_in(writer, demo_site, "writer")
    writer.goto(change)
    assert writer.get_by_role("button", name="Publish now").count() == 0
    writer.get_by_role("button", name="Submit for review").first.click()
    writer.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.IN_REVIEW

    editor = browser.new_context().new_page()
    log_in(editor, demo_site, "editor")
    assert "Orbit of Two" in editor.locator(".nr-dashboard").inner_text()  # waiting for review
    editor.goto(change)
    go_live = timezone.localtime() + datetime.timedelta(seconds=8)
    editor.fill("#id_publish_at_0", go_live.date().isoformat())
    editor.fill("#id_publish_at_1", go_live.strftime("%H:%M:%S"))
    # Typing a time to come turns "Publish now" into "Schedule".
    editor.get_by_role("button", name="Schedule").first.click()
    assert "Scheduled for" in editor.locator(".messagelist .success").inner_text()
    article.refresh_from_db()
    assert article.is_scheduled

    reader = browser.new_context(java_script_enabled=False).new_page()
    early = reader.goto(f"{demo_site}/articles/{SLUG}/")
    assert early.status == 404
    with time_machine.travel(article.publish_at + datetime.timedelta(seconds=1)):  # its time
        on_time = reader.goto(f"{demo_site}/articles/{SLUG}/")
        assert on_time.status == 200
        assert "Orbit of Two" in reader.locator("h1").inner_text()

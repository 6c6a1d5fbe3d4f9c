"""Moving a WordPress site in, as an editor does it in a real browser: the wrong file is
refused with the form kept, the export is uploaded, the import's page shows the report, and
an old address of the imported site answers with the new one."""

import os
from pathlib import Path

import pytest

from articles.models import Article, ImportRun
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)
EXPORT = Path(__file__).resolve().parents[1] / "articles" / "wordpress" / "newsroom.xml"


def test_an_editor_moves_a_wordpress_site_in(page, demo_site, tmp_path):
    log_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/admin/articles/importrun/add/")
    wrong = tmp_path / "notes.xml"
    wrong.write_text("<html><body>not an export</body></html>")
    page.set_input_files("#id_export", str(wrong))
    page.click("input[name=_save]")
    assert "This is not a WordPress export." in page.locator(".errorlist").first.inner_text()
    assert not ImportRun.objects.filter(file_name="notes.xml").exists()

    page.set_input_files("#id_export", str(EXPORT))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    report = page.locator(".import-report").inner_text()
    assert "posts: created 8" in report
    assert "[contact-form-7] once" in report
    if os.environ.get("NEWSROOM_SCREENSHOTS"):
        folder = Path(os.environ["NEWSROOM_SCREENSHOTS"])
        page.screenshot(path=str(folder / "import-report-desktop-light.png"), full_page=True)

    article = Article.objects.get(slug="romantics-anonymous-starts-filming")
    page.goto(f"{demo_site}/2025/05/romantics-anonymous-starts-filming/")
    assert page.url == f"{demo_site}{article.get_absolute_url()}"
    assert "Cameras are rolling in Tokyo" in page.locator("main").inner_text()

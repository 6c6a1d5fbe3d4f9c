"""A writer's whole flow in the desk: log in, write a new story (headline, dek, one
paragraph, byline), see how it will look, submit it for review. Prints the clicks, page loads
and seconds it took (a script's speed, not a person's: compare runs, not people).

    python tests/perf/writer_flow.py http://127.0.0.1:8000 after
    python tests/perf/writer_flow.py http://127.0.0.1:8002 before   # a server on older code

"before" drives the desk as it was before the body-first form and the live preview: the
byline picked by hand, the preview seen by saving and opening "View on site".
"""

import os
import sys
import time

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
BODY = ".inline-related.last-related:not(.empty-form) .ProseMirror[contenteditable]"


def flow(base, after):
    counts = {"clicks": 0, "loads": 0}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()

        def click(selector):
            counts["clicks"] += 1
            page.click(selector)

        def loaded():
            counts["loads"] += 1

        start = time.monotonic()
        page.goto(base + "/admin/login/")
        loaded()
        page.fill("#id_username", "writer")
        page.fill("#id_password", "newsroom-demo")
        click("input[type=submit]")
        page.wait_for_url(base + "/admin/")
        loaded()
        counts["clicks"] += 1  # the "Add" beside Articles
        page.goto(base + "/admin/articles/article/add/")
        loaded()
        headline = f"Night Market Detectives adds a third lead {int(time.time())}"
        page.locator("#id_headline").press_sequentially(headline)
        click("#id_dek")
        page.keyboard.type("The cast grows for the second season.")
        if not after:  # the byline: the writer chosen in the autocomplete
            click("#bylines-group .select2-selection")
            page.keyboard.type("Jacob")
            page.wait_for_selector(".select2-results__option--highlighted")
            page.keyboard.press("Enter")
            counts["clicks"] += 1
        click(".order-machine-insert-target.last")
        click('.plugin-buttons .plugin-button[data-plugin-prefix="articles_richtext_set"]')
        counts["clicks"] += 1
        page.locator(BODY).last.click()
        page.keyboard.type("Filming starts in March in Taipei.")
        if after:  # the pane beside the form
            click("#nr-preview-toggle")
            frame = page.frame_locator(".nr-preview__frame")
            frame.get_by_text("Filming starts in March").wait_for()
        else:  # save, open "View on site", come back
            click("input[name=_continue]")
            page.wait_for_selector(".messagelist .success")
            loaded()
            click("a.viewsitelink")
            page.get_by_text("Filming starts in March").wait_for()
            loaded()
            page.go_back()
            counts["clicks"] += 1
            page.wait_for_selector("#id_headline")
            loaded()
        click("button[name=_workflow][value=submit]")
        page.wait_for_selector(".messagelist .success")
        loaded()
        seconds = time.monotonic() - start
        said = page.locator(".messagelist").inner_text()
        browser.close()
    return counts, seconds, said


if __name__ == "__main__":
    base, version = sys.argv[1].rstrip("/"), sys.argv[2]
    counts, seconds, said = flow(base, version == "after")
    print(
        f"{version}: {counts['clicks']} clicks, {counts['loads']} page loads, "
        f"{seconds:.1f} s; the desk said: {said!r}"
    )

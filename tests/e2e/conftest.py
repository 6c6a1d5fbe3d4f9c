"""Browser tests: Playwright driving the system Chromium against Django's live server."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs it (apt chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    # Anything the Content-Security-Policy blocked is an error too: the admin and the site
    # must work under the policy production sends.
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def demo_site(transactional_db, live_server, media_root):
    """The demo newsroom behind a live server.

    A transactional test empties the database when it ends, taking the roles that the data
    migration created with it. pytest-django runs transactional tests after all the others,
    so each browser test puts the roles back before it loads the demo.
    """
    from django.apps import apps

    from newsroom.demo.build import build_demo
    from newsroom.roles import apply_roles

    apply_roles(apps)
    build_demo()
    return live_server.url


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "newsroom-demo")
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")

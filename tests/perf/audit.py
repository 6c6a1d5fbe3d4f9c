"""`make audit`: Lighthouse scores for the home, article and show pages of the demo newsroom.

Starts the site (development settings, the demo on SQLite) on a free local port, runs
Lighthouse from npm against the system Chromium for each page, prints the four category
scores and fails if any is under the target. Not part of the test run: Lighthouse's
performance score depends on the machine's load, so it is an audit, not a unit test.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = Path(__file__).parent / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
TARGET = int(os.environ.get("AUDIT_TARGET", "95"))
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = {
    "home": "/",
    "article": "/articles/romantics-anonymous-everything-we-know-so-far/",
    "show": "/shows/romantics-anonymous/",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own local server)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The site did not start at {url}.")


def lighthouse(url, report):
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
        timeout=300,
    )
    data = json.loads(Path(report).read_text())
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main():
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="newsroom-audit-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/audit.sqlite3",
            "DJANGO_MEDIA_ROOT": f"{folder}/media",
        }
        manage = [python, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
        subprocess.run([*manage, "load_demo"], env=env, check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen(
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/")
            results = {
                name: lighthouse(base + path, f"{folder}/{name}.json")
                for name, path in PAGES.items()
            }
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"\n{'page':<10}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for name, scores in results.items():
        print(f"{name:<10}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
    failing = [
        f"{page} {category} {score}"
        for page, scores in results.items()
        for category, score in scores.items()
        if score < TARGET
    ]
    if failing:
        raise SystemExit(f"\nUnder {TARGET}: " + ", ".join(failing))
    print(f"\nEvery score is at least {TARGET}.")


if __name__ == "__main__":
    main()

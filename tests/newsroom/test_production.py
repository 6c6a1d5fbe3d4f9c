"""The production settings under gunicorn (its config file from the repo), as a browser meets
them: security headers on every response, static files hashed, compressed and immutable."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOST = "news.example.com"
PASSWORD = "a-long-test-password-for-chief"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings.prod",
        DJANGO_SECRET_KEY="k3y-" + "s9Xq!v7Lr2#pW8zT" * 4,
        DJANGO_ALLOWED_HOSTS=HOST,
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        REDIS_URL=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15",
        CACHE_KEY_PREFIX=f"test-production-{port}",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        GUNICORN_ACCESS_LOG="",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    python = Path(sys.executable)
    commands = (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        ["createsuperuser", "--noinput", "--username", "chief", "--email", "chief@example.com"],
    )
    for command in commands:
        subprocess.run(
            [python, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )
    gunicorn = python.parent / "gunicorn"
    process = subprocess.Popen(
        [gunicorn, "-c", "newsroom/gunicorn_conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode())
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=20)


def fetch(url, **headers):
    request = urllib.request.Request(  # noqa: S310 (our own server on 127.0.0.1)
        url, headers={"Host": HOST, "X-Forwarded-Proto": "https", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_every_page_carries_the_security_headers(server):
    for path in ("/", "/admin/login/", "/no-such-page/"):
        status, headers, _body = fetch(server + path)
        assert status in (200, 404), path
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "upgrade-insecure-requests" in csp
        script = next(d for d in csp.split("; ") if d.startswith("script-src"))
        assert "unsafe-inline" not in script
        if not path.startswith("/admin/"):  # the admin's editors may set style attributes
            assert "unsafe-inline" not in csp
        assert headers["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "geolocation=()" in headers["Permissions-Policy"]


def test_plain_http_is_sent_to_https(server):
    request = urllib.request.Request(server + "/", headers={"Host": HOST})  # noqa: S310

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    assert error.value.code == 301
    assert error.value.headers["Location"] == f"https://{HOST}/"


def test_the_home_page_is_cached_and_revalidated(server):
    fetch(server + "/")
    status, headers, _body = fetch(server + "/")
    assert status == 200
    assert headers["X-Page-Cache"] == "hit"
    assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    status, _headers, body = fetch(server + "/", **{"If-None-Match": headers["ETag"]})
    assert status == 304
    assert body == b""


def test_static_files_are_hashed_compressed_and_immutable(server):
    _status, _headers, body = fetch(server + "/")
    html = body.decode()
    css = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", css), css
    status, headers, body = fetch(server + css, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert "max-age=315360000" in headers["Cache-Control"]


def test_a_login_holds_across_both_workers(server):
    """Sessions are shared (Redis in front of the database): every request after logging in,
    whichever of the two processes answers it, is logged in."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}/admin/"}

    def open_(path, data=None):
        request = urllib.request.Request(server + path, data=data, headers=headers)  # noqa: S310
        return opener.open(request, timeout=10)

    with open_("/admin/login/") as response:
        assert "Secure" in response.headers["Set-Cookie"]
        html = response.read().decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    # Secure cookies would not be sent back over http://127.0.0.1: mark them as plain.
    for cookie in jar:
        cookie.secure = False
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "chief", "password": PASSWORD, "next": "/admin/"}
    ).encode()
    with open_("/admin/login/?next=/admin/", form) as response:
        assert response.url.endswith("/admin/")
    for cookie in jar:
        cookie.secure = False
    for _ in range(12):
        with open_("/admin/") as response:
            assert "Log out" in response.read().decode()

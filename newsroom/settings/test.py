"""Tests: fast hashing, in-memory cache and email, media in a throwaway folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT") or tempfile.mkdtemp(prefix="newsroom-test-media-"))
NEWSROOM_IMPORT_UPLOAD_ROOT = tempfile.mkdtemp(prefix="newsroom-test-imports-")
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="newsroom-test-static-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
NEWSROOM_DEMO_ALLOWED = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not shared-cache memory: live-server threads then each get their own
    # connection and SQLite's own locking, as in development (pytest-xdist adds a suffix).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"newsroom-test-{os.getpid()}.sqlite3")
    }
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}

# Browser tests run Playwright's sync API (an event loop) next to the ORM in one thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
NEWSROOM_SERVE_MEDIA = True

if REDIS_URL:  # noqa: F405
    # Each pytest-xdist worker its own Redis database: clearing the cache between tests
    # (FLUSHDB) must not empty another worker's.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    CACHES["default"]["LOCATION"] = (  # noqa: F405
        REDIS_URL.rsplit("/", 1)[0] + f"/{1 + int(worker) % 15}"  # noqa: F405
        if REDIS_URL.count("/") > 2  # noqa: F405
        else f"{REDIS_URL}/{1 + int(worker) % 15}"  # noqa: F405
    )

# Nobody polls for kept purges: a page's query count does not depend on the clock (the
# tests that stall Redis turn it on).
NEWSROOM_PURGE_RETRY_SECONDS = 0

# Every purge is logged and kept, as a CDN would be told of it.
NEWSROOM_CDN_PURGER = "newsroom.core.cdn.LoggedPurger"

# Background jobs run at once, in the test's own transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
NEWSROOM_SITE_URL = "http://testserver"

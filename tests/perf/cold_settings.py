"""The production settings with no cache at all (Django's dummy cache): the state after a
Redis flush or outage. `make bench` serves its "cold" rows with these."""

from newsroom.settings.prod import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

"""Purging a CDN by tag. Cached public responses carry their tags in a header
(NEWSROOM_CACHE_TAG_HEADER: ``Cache-Tag`` for Cloudflare or Akamai, ``Surrogate-Key`` for
Fastly); after each purge the site calls ``purge(tags)`` on the backend named by
NEWSROOM_CDN_PURGER. A backend for a real CDN subclasses Purger and calls its purge-by-tag
API (Cloudflare: POST zones/<zone>/purge_cache {"tags": [...]}; Fastly: POST
service/<id>/purge with a Surrogate-Key header), batching as the CDN allows.
"""

import logging

logger = logging.getLogger(__name__)


class Purger:
    """No CDN in front (the default): nothing to tell."""

    def purge(self, tags):
        pass


class LoggedPurger(Purger):
    """Logs every purge and keeps the tags it was given (tests, and a CDN being set up)."""

    def __init__(self):
        self.purged = []

    def purge(self, tags):
        self.purged.append(list(tags))
        logger.info("CDN purge: %s", " ".join(tags))

"""The page cache: anonymous readers' pages come from the cache and are never stale.

How it stays fresh. Every cached page records the *version tokens* of what it shows:

- ``content``: every article, show, person, photo, tag... (any public editorial change);
- ``comments``: any approved comment anywhere (the counts on article cards);
- ``comments:<slug>``: one article's thread (its own page depends on this, not on ``comments``).

A change replaces the token after its transaction commits (``bump``, called by
``newsroom.invalidation``). A page whose recorded tokens differ from the current ones is a
miss, so a purge is one small write, whatever the number of pages. A token that is missing
(evicted, Redis restarted) is replaced by a new one, which can only cause misses, never a stale
hit. A page also expires at the next scheduled publish time (a scheduled article appears on
time without anything running) and at any time its view names in ``response.valid_until``
(a thread closing, the day changing).

Who gets cached pages: GET requests without a session cookie (logged-in staff always get
fresh pages) for the views in ``CACHED_VIEWS``; a reader whose own comment awaits moderation
(``nr_my_comments`` cookie) gets fresh article pages, so that they see it. The comment form's
CSRF token is a hole filled for each reader. Responses carry a weak ETag (304 when it
matches) and ``Cache-Control`` that a CDN honours: revalidate every time (``max-age=0``), or
serve for ``NEWSROOM_CDN_MAX_AGE`` seconds if the newsroom accepts that.

Fragments (show boxes, cast lists, comment threads, article bodies, related stories) are
cached with Django's ``{% cache %}`` tag keyed on ``obj|cache_version:"show"``
(templatetags/newsroom.py), so that even a page miss does not render them again until what
they show changes.
"""

import hashlib
import logging
import re
import time
import uuid

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.core.signals import request_finished, request_started
from django.db.transaction import on_commit
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

CONTENT = "content"
COMMENTS = "comments"
# Feeds, sitemaps and robots.txt show no comment counts: they depend on content only.
CONTENT_ONLY = {
    "robots",
    "sitemap-index",
    "sitemap-section",
    "news-sitemap",
    "feed",
    "feed-atom",
    "show-feed",
    "show-feed-atom",
    "author-feed",
    "author-feed-atom",
    "tag-feed",
    "tag-feed-atom",
}
CACHED_VIEWS = {
    "home",
    "search",
    "articles:list",
    "articles:detail",
    "articles:author",
    "articles:tag",
    "shows:list",
    "shows:detail",
    "people:list",
    "people:detail",
    *CONTENT_ONLY,
}
ARTICLE_PAGE = "articles:detail"
MY_COMMENTS_COOKIE = "nr_my_comments"  # articles.comments.COOKIE
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_HOLE = b"\x00csrf-token\x00"
HEADER = "X-Page-Cache"


SHOWS = "shows"  # the lookup tables every show fragment names (platforms, genres...)


def comments_tag(slug):
    return f"{COMMENTS}:{slug}"


def show_tag(show_id):
    return f"show:{show_id}"


def fragment_tags(kind, obj):
    """The tags a cached fragment of this kind depends on (``obj|cache_version:kind``)."""
    if kind == "show":
        return (show_tag(obj.pk), SHOWS)
    if kind == "comments":
        return (comments_tag(obj.slug),)
    if kind == "content":  # anything public may have changed it (an article's body, say)
        return (CONTENT,)
    raise ValueError(f"No cached fragments of kind {kind!r}")


def _version_key(tag):
    return f"version:{tag}"


# Tokens already read during this request (a thread's request at a time): the page and each
# of its fragments see one snapshot, and Redis is asked once per tag. Outside a request
# (commands, the shell) every call reads Redis.
_seen = Local()


def _start_snapshot(**kwargs):
    _seen.tokens = {}


def _end_snapshot(**kwargs):
    _seen.tokens = None


request_started.connect(_start_snapshot, dispatch_uid="newsroom-cache-start-snapshot")
request_finished.connect(_end_snapshot, dispatch_uid="newsroom-cache-end-snapshot")


def versions(tags, *, also=None):
    """The current token of each tag; a missing one gets a new token (never a stale hit).
    With ``also`` (a cache key), returns (tokens, that key's value) from one round trip."""
    seen = getattr(_seen, "tokens", None)
    if seen is None:
        seen = {}  # not in a request: no snapshot kept
    keys = {_version_key(tag): tag for tag in tags if tag not in seen}
    wanted = [*keys, also] if also else list(keys)
    found = cache.get_many(wanted) if wanted else {}
    extra = found.pop(also, None) if also else None
    for key, tag in keys.items():
        if key not in found:
            found[key] = uuid.uuid4().hex
            cache.add(key, found[key], timeout=None)
        seen[tag] = found[key]
    result = {tag: seen[tag] for tag in tags}
    return (result, extra) if also else result


def bump(*tags):
    """New tokens for these tags once the current transaction commits (at once outside one)."""
    tags = {tag for tag in tags if tag}
    if tags:
        on_commit(lambda: _replace(tags))


def _replace(tags):
    tokens = {tag: uuid.uuid4().hex for tag in tags}
    cache.set_many({_version_key(tag): token for tag, token in tokens.items()}, timeout=None)
    seen = getattr(_seen, "tokens", None)
    if seen is not None:
        seen.update(tokens)


def version_token(*tags):
    """One string for the current versions of these tags: part of a fragment's cache key."""
    current = versions(tags)
    return ".".join(current[tag] for tag in tags)


def article_version(slug):
    """What an article page's data depends on (NEWSROOM_ARTICLE_VERSION): the content and
    the article's comments (its count)."""
    return version_token(CONTENT, comments_tag(slug))


def next_publication(content_token):
    """Epoch seconds of the next scheduled article's publish time (0: none), computed once
    per content version and again once that time has passed."""
    key = f"next-publication:{content_token}"
    value = cache.get(key)
    now = time.time()
    if value is None or (value and value <= now):
        from articles.models import Article

        when = (
            Article.objects.scheduled()
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        value = when.timestamp() if when else 0
        cache.set(key, value, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS or None)
    return value


_TIMESTAMP = re.compile(r"'?\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(\+00:00)?'?")


class CachedCountPaginator(Paginator):
    """Public lists count their rows once per content version: the count of published
    articles (say) changes only when content changes or a scheduled article goes live, and
    both change the key. COUNT(*) over a large archive costs more than the rest of the page.
    Set as NEWSROOM_LIST_PAGINATOR; apps read it through settings.

    The key is the SQL with every timestamp read as "now" (published() compares with the
    current time): a list must not filter by a timestamp a reader typed (dates are fine)."""

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            token = versions([CONTENT])[CONTENT]
            sql = _TIMESTAMP.sub("NOW", str(query))  # published() compares with "now"
            key = (
                "count:"
                + hashlib.sha256(f"{token}:{next_publication(token)}:{sql}".encode()).hexdigest()
            )
            value = cache.get(key)
        except Exception:  # unreadable SQL or the cache down: count in the database
            logger.exception("List count cache unavailable")
            return super().count
        if value is None:
            value = super().count
            cache.set(key, value, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS or 3600)
        return value


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view_name, tags = self.route(request)
        if view_name is None:
            return self.get_response(request)
        if not self.is_reader(request, view_name):
            response = self.get_response(request)
            if response.status_code == 200:  # a staff member's page: no shared cache keeps it
                response["Cache-Control"] = "private, no-cache"
            return response
        key = self.key(request)
        try:
            current, entry = versions(tags, also=key)
        except Exception:  # the cache is down: serve fresh pages, never an error
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if entry and entry["versions"] == current and time.time() < entry["until"]:
            return self.serve(request, entry, "hit")
        response = self.get_response(request)
        entry = self.entry(request, response, current)
        if entry is None:
            return response
        try:
            cache.set(key, entry, timeout=max(1, int(entry["until"] - time.time())))
        except Exception:
            logger.exception("Page cache unavailable")
        return self.serve(request, entry, "miss", response)

    @staticmethod
    def route(request):
        """(view name, tags) for a cacheable GET; (None, None) for anything else."""
        if request.method != "GET" or not settings.NEWSROOM_PAGE_CACHE_SECONDS:
            return None, None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None, None
        if match.view_name not in CACHED_VIEWS:
            return None, None
        if match.view_name == ARTICLE_PAGE:
            return match.view_name, [CONTENT, comments_tag(match.kwargs["slug"])]
        if match.view_name in CONTENT_ONLY:
            return match.view_name, [CONTENT]
        return match.view_name, [CONTENT, COMMENTS]

    @staticmethod
    def is_reader(request, view_name):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False  # staff (or anyone logged in) see the live site
        return not (view_name == ARTICLE_PAGE and MY_COMMENTS_COOKIE in request.COOKIES)

    @staticmethod
    def key(request):
        url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return "page:" + hashlib.sha256(url.encode()).hexdigest()

    @staticmethod
    def entry(request, response, current):
        """What to keep of a fresh response, or None if it must not be shared."""
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or "private" in response.get("Cache-Control", "")
        ):
            return None
        content, holes = CSRF_FIELD.subn(rb"\1" + CSRF_HOLE + rb"\2", response.content)
        until = time.time() + settings.NEWSROOM_PAGE_CACHE_SECONDS
        publication = next_publication(current[CONTENT])
        if publication:
            until = min(until, publication)
        valid_until = getattr(response, "valid_until", None)
        if valid_until:
            until = min(until, valid_until.timestamp())
        if until <= time.time():
            return None
        return {
            "versions": current,
            "until": until,
            "content": content,
            "content_type": response["Content-Type"],
            "csrf": bool(holes),
            "etag": 'W/"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"',
        }

    def serve(self, request, entry, state, response=None):
        if response is None:
            content = entry["content"]
            if entry["csrf"]:
                content = content.replace(CSRF_HOLE, get_token(request).encode())
            response = HttpResponse(content, content_type=entry["content_type"])
        response["ETag"] = entry["etag"]
        if entry["csrf"]:
            # The form carries this reader's CSRF token: browsers may keep it, shared caches not.
            response["Cache-Control"] = "private, max-age=0, must-revalidate"
        else:
            cdn = settings.NEWSROOM_CDN_MAX_AGE
            response["Cache-Control"] = "public, max-age=0, must-revalidate" + (
                f", s-maxage={cdn}" if cdn else ""
            )
        response[HEADER] = state
        return get_conditional_response(request, etag=entry["etag"], response=response)

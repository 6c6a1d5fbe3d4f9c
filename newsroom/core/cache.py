"""Cached pages, fragments and values that are never stale: cache tags, as Drupal has them.

Everything cached carries the *tags* of what it shows: ``article:12``, ``show:5``,
``person:9``, ``list:articles``... They are collected while it is built: views and selectors
call ``add_tags()``, templates say ``{% cache_tag obj %}``, and the tags of a cached fragment
(or value) bubble up to the page around it, on a hit as on a miss. So do expiry times
(``expire_at()``: the next scheduled publication, a thread closing, midnight).

A service that changes something calls ``purge(*tags)``. Once the transaction commits, each
of those tags gets a new version token; anything that recorded an older token is a miss from
then on. A purge is one small write whatever the number of pages, and it touches nothing
else: an edit to one article leaves every page that does not show it cached. A missing token
(evicted, Redis restarted) gets a new one, which can only cause misses. A render that started
before a purge of one of its tags committed is served but not kept, so data read just before
the commit never outlives it. Tokens start with the purge time, read from each app server's
clock: keep the servers' clocks in step (NTP), as any distributed cache requires.

Pages opt in with ``@cache_page()``: GET requests from readers (no session cookie) are served
from the cache, with a weak ETag (304 when it matches), ``Cache-Control`` that a CDN honours,
and the page's tags in a ``Cache-Tag`` header (``NEWSROOM_CACHE_TAG_HEADER``) so that the CDN
can be purged by tag too (``NEWSROOM_CDN_PURGER``). A CSRF token in a cached page is a hole
filled for each reader, and so is any ``reader_value()`` (a comment form's one-time token):
the cached copy holds a marker, ``ReaderValuesMiddleware`` fills it in every response. Staff
always get fresh, private pages.
"""

import functools
import hashlib
import logging
import re
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connections, transaction
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.module_loading import import_string

from newsroom.core.outage import is_outage, retry_read

logger = logging.getLogger(__name__)

SITE = "site"  # carried by everything: purge_site() makes the whole cache miss at once
HEADER = "X-Page-Cache"
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_HOLE = b"\x00csrf-token\x00"
LONGEST = 24 * 3600  # no fragment or value is kept longer than a day
READER_MARK = b"\x00reader:"


def tag_of(obj):
    """The tag of one row: its model's name and primary key (``article:12``)."""
    return f"{obj._meta.model_name}:{obj.pk}"


def _tags(items):
    """Tags from strings, model instances and iterables of them (None is skipped)."""
    for item in items:
        if item is None or item == "":
            continue
        if isinstance(item, str):
            yield item
        elif hasattr(item, "_meta"):
            if item.pk is not None:
                yield tag_of(item)
        else:
            yield from _tags(item)


# --- Version tokens ----------------------------------------------------------------------

# Tokens read during this request (a thread's request at a time): the page and each of its
# fragments see one snapshot, and Redis is asked once per tag. Outside a request (commands,
# the shell) every call reads Redis.
# Context variables, not thread locals: right under ASGI as under WSGI, and cheap to read
# (tags are added hundreds of times a page).
_tokens = ContextVar("newsroom_cache_tokens", default=None)
_started = ContextVar("newsroom_cache_request_started", default=None)
_collecting = ContextVar("newsroom_cache_collecting", default=None)


def _start_request(**kwargs):
    _tokens.set({})
    _started.set(time.time())
    _collecting.set([])


def _end_request(**kwargs):
    _tokens.set(None)
    _started.set(None)
    _collecting.set(None)


request_started.connect(_start_request, dispatch_uid="newsroom-cache-start-request")
request_finished.connect(_end_request, dispatch_uid="newsroom-cache-end-request")


def _version_key(tag):
    # "tag-version:", not the "version:" of the version tokens before cache tags: a token
    # such a cache still holds is never read as one of these.
    return f"tag-version:{tag}"


def _new_token(when):
    return f"{when:.6f}:{uuid.uuid4().hex[:12]}"


def _token_time(token):
    try:
        return float(str(token).split(":", 1)[0])
    except ValueError:
        return 0.0


def _read_tokens(keys):
    raw = getattr(cache, "get_raw_many", None)  # ResilientRedisCache: no pickling
    return raw(keys) if raw else cache.get_many(keys)


def _write_tokens(data):
    raw = getattr(cache, "set_raw_many", None)
    if raw:
        raw(data)
    else:
        cache.set_many(data, timeout=None)


def _add_token(key, token):
    raw = getattr(cache, "add_raw", None)
    if raw:
        raw(key, token)
    else:
        cache.add(key, token, timeout=None)


def versions(tags):
    """{tag: token} now. A missing token gets a new one (dated 0: "no purge known"), so that
    what recorded the lost one misses; nothing can match a token it never saw."""
    seen = _tokens.get()
    if seen is None:
        seen = {}
    keys = {_version_key(tag): tag for tag in tags if tag not in seen}
    found = _read_tokens(list(keys)) if keys else {}
    for key, tag in keys.items():
        if key not in found:
            found[key] = _new_token(0)
            _add_token(key, found[key])
        elif not isinstance(found[key], str):  # not a token of ours: replaced, so it misses
            found[key] = _new_token(0)
            _write_tokens({key: found[key]})
        seen[tag] = found[key]
    return {tag: seen[tag] for tag in tags}


# --- Purging -----------------------------------------------------------------------------


def purge(*tags):
    """Make everything carrying any of these tags (strings or model instances) miss, once
    the current transaction commits (at once outside one; never if it rolls back).

    The purge is written down in the same transaction (PendingPurge) and crossed off once
    the cache has it: a purge that cannot reach Redis (a stall, an outage, a process that
    dies between the commit and the write) is delivered later, before the cache is
    trusted again."""
    tags = frozenset(_tags(tags))
    held = _held_purges.get()
    if tags and held is not None:  # a bulk write: one purge of everything at its end
        held.add(SITE)
    elif tags:
        record = _record_pending(tags)
        transaction.on_commit(functools.partial(_purge_now, tags, record))


_held_purges = ContextVar("held_purges", default=None)


@contextmanager
def purges_held():
    """For bulk writes through the services (an import of thousands of records): inside,
    each purge is only noted, and at the end everything is purged once (``purge_site``), in
    the transaction that is current then. A purge per record would cost a row and a Redis
    write each, for pages nobody has cached yet."""
    if _held_purges.get() is not None:  # already held further out
        yield
        return
    held = set()
    token = _held_purges.set(held)
    try:
        yield
    finally:
        _held_purges.reset(token)
        if held:
            purge_site()


def _record_pending(tags):
    from newsroom.core.models import PendingPurge

    return PendingPurge.objects.create(tags=sorted(tags)).pk


def purge_site():
    """Everything misses: after a bulk load or an import that wrote without the services."""
    purge(SITE)


def _purge_now(tags, record=None):
    from newsroom.core.models import PendingPurge

    tokens = {tag: _new_token(time.time()) for tag in tags}
    try:
        _write_tokens({_version_key(tag): token for tag, token in tokens.items()})
    except Exception:
        # Redis stalled or down: what showed these tags would be served stale once it
        # answers again. The record stays; this process delivers it before it trusts the
        # cache again, and every other process within NEWSROOM_PURGE_RETRY_SECONDS.
        logger.exception("Cache purge of %s failed: kept to deliver later", sorted(tags))
        _delivery["pending_here"] = True
    else:
        seen = _tokens.get()
        if seen is not None:
            seen.update(tokens)
        if record is not None:
            try:
                PendingPurge.objects.filter(pk=record).delete()
            except Exception:  # delivered again later: only extra misses
                logger.exception("Could not cross off the purge of %s", sorted(tags))
    try:
        cdn_purger().purge(sorted(tags))
    except Exception:
        logger.exception("CDN purge of %s failed", sorted(tags))


# Purges that could not reach the cache, delivered from the database (PendingPurge).
# pending_here: this process kept one; outage_handled: the cache failure last dealt with;
# next_check, backoff_until: when to look again (time.monotonic()).
_delivery = {"pending_here": False, "outage_handled": 0.0, "next_check": 0.0, "backoff_until": 0.0}


def deliver_pending_purges():
    """Deliver the purges kept in the database, if any are due to be looked for: at once in
    a process that kept one or saw the cache fail, else every NEWSROOM_PURGE_RETRY_SECONDS
    (0: never, only when this process knows of one). Called before the cache is read.
    True when this process knows of nothing left to deliver: False, and nothing cached may
    be trusted."""
    now = time.monotonic()
    outage = getattr(cache, "outage_seen_at", 0.0)
    flagged = _delivery["pending_here"] or outage > _delivery["outage_handled"]
    interval = settings.NEWSROOM_PURGE_RETRY_SECONDS
    if not flagged and not (interval and now >= _delivery["next_check"]):
        return True
    if flagged and now < _delivery["backoff_until"]:
        return False  # the cache failed a moment ago: not on every request
    if any(_in_transaction(c) for c in connections.all(initialized_only=True)):
        # Inside a transaction its own purges are not committed yet: nothing to deliver
        # from here, and what is pending stays distrusted.
        return not flagged
    _delivery["next_check"] = now + (interval or 0)
    for _batch in range(10):  # at most 10,000 in one request; the rest on the next
        delivered = _deliver_batch(now)
        if delivered is None:
            return False
        if delivered < 1000:
            _delivery["pending_here"] = False
            _delivery["outage_handled"] = outage
            return True
    return False


def _in_transaction(connection):
    """In a transaction of the code's own (a test's wrapping one does not count)."""
    return any(not block._from_testcase for block in connection.atomic_blocks)


def _deliver_batch(now):
    """Deliver up to 1,000 kept purges; how many, or None if they could not be."""
    from newsroom.core.models import PendingPurge

    try:
        pending = list(PendingPurge.objects.order_by("pk")[:1000])
    except Exception:
        logger.exception("Pending purges unavailable")
        return None
    if not pending:
        return 0
    tags = {tag for row in pending for tag in row.tags}
    tokens = {tag: _new_token(time.time()) for tag in tags}
    try:
        _write_tokens({_version_key(tag): token for tag, token in tokens.items()})
    except Exception:
        logger.exception("Cache still unavailable: %d purges wait", len(pending))
        _delivery["pending_here"] = True  # distrust the cache until they are delivered
        _delivery["backoff_until"] = now + 0.25
        return None
    seen = _tokens.get()
    if seen is not None:
        seen.update(tokens)
    if _started.get() is not None:  # nothing of the page has been read yet
        _started.set(time.time())
    try:
        PendingPurge.objects.filter(pk__in=[row.pk for row in pending]).delete()
    except Exception:  # delivered again next time: only extra misses
        logger.exception("Could not cross off %d delivered purges", len(pending))
        return None
    try:
        cdn_purger().purge(sorted(tags))
    except Exception:
        logger.exception("CDN purge of %s failed", sorted(tags))
    return len(pending)


@functools.cache
def _purger(path):
    return import_string(path)()


def cdn_purger():
    """The CDN purge backend named by NEWSROOM_CDN_PURGER (newsroom.core.cdn)."""
    return _purger(settings.NEWSROOM_CDN_PURGER)


# --- Collecting what something shows -----------------------------------------------------


@dataclass
class Collected:
    """The tags and expiry of one cached thing, gathered while it is built."""

    started: float
    tags: set = field(default_factory=set)
    until: float = float("inf")

    def absorb(self, tags, until):
        self.tags.update(tags)
        self.until = min(self.until, until)


def _stack():
    stack = _collecting.get()
    if stack is None:
        stack = []
        _collecting.set(stack)
    return stack


@contextmanager
def collecting(*, inherit=False):
    """Gather the tags and expiry of what is built inside; they join the enclosing
    collection when it ends. With ``inherit``, start from what the enclosing one has so far
    (a list's count depends on the filters its page already named)."""
    stack = _stack()
    outer = stack[-1] if stack else None
    started = outer.started if outer else (_started.get() or time.time())
    collected = Collected(started=started)
    if inherit and outer:
        collected.absorb(outer.tags, outer.until)
    stack.append(collected)
    try:
        yield collected
    finally:
        stack.pop()
        if outer is not None:
            outer.absorb(collected.tags, collected.until)


def add_tags(*tags):
    """Say that what is being built shows these (tag strings or model instances)."""
    stack = _stack()
    if stack:
        stack[-1].tags.update(_tags(tags))


def expire_at(when):
    """Say that what is being built is only true until then (an aware datetime or epoch
    seconds); None changes nothing."""
    if when is None:
        return
    stack = _stack()
    if stack:
        epoch = when if isinstance(when, int | float) else when.timestamp()
        stack[-1].until = min(stack[-1].until, epoch)


def _is_fresh(entry):
    if not entry or time.time() >= entry["until"]:
        return False
    try:
        current = versions(entry["tags"])
    except Exception:  # the versions cannot be read: trust nothing cached
        logger.exception("Cache versions unavailable")
        return False
    return all(current[tag] == token for tag, token in entry["tags"].items())


def _entry(collected, **payload):
    """What to store for a finished build, or None when it must not be kept: it expires
    now, or a purge of one of its tags committed after it began."""
    collected.tags.add(SITE)
    if collected.until <= time.time():
        return None
    try:
        tokens = versions(sorted(collected.tags))
    except Exception:
        logger.exception("Cache versions unavailable")
        return None
    if any(_token_time(token) > collected.started for token in tokens.values()):
        return None
    return {"tags": tokens, "until": collected.until, **payload}


def _timeout(entry, longest):
    return max(1, int(min(entry["until"] - time.time(), longest)))


def _bubble(entry):
    stack = _stack()
    if stack:
        stack[-1].absorb(entry["tags"], entry["until"])


def _cache_get(key, *, deliver=True):
    if deliver and not deliver_pending_purges():
        return None
    try:
        return cache.get(key)
    except Exception:  # the cache is down: build afresh, never an error
        logger.exception("Cache unavailable")
        return None


def _cache_set(key, entry, longest):
    try:
        cache.set(key, entry, timeout=_timeout(entry, longest))
    except Exception:
        logger.exception("Cache unavailable")


def cached_value(key, compute, *, inherit=False, longest=LONGEST):
    """``compute()``'s result, kept under ``key`` until one of the tags it named is purged
    or its expiry passes. The value must be picklable."""
    entry = _cache_get(f"value:{key}")
    if _is_fresh(entry):
        _bubble(entry)
        return entry["value"]
    with collecting(inherit=inherit) as collected:
        value = compute()
    entry = _entry(collected, value=value)
    if entry is not None:
        _cache_set(f"value:{key}", entry, longest)
    return value


def cached_fragment(name, vary, render, *, longest=LONGEST):
    """HTML from ``render()``, kept per name and the values it varies on (``{% fragment %}``)."""
    digest = hashlib.sha256(repr([str(value) for value in vary]).encode()).hexdigest()[:32]
    key = f"fragment:{name}:{digest}"
    entry = _cache_get(key)
    if _is_fresh(entry):
        _bubble(entry)
        return entry["html"]
    with collecting() as collected:
        html = render()
    entry = _entry(collected, html=str(html))
    if entry is not None:
        _cache_set(key, entry, longest)
    return html


# --- Values issued to each reader --------------------------------------------------------

_reader_values = {}


def register_reader_value(name, issue):
    """``issue(request, argument) -> str``: a value made for each reader and each response
    (a form's one-time token), never shared through a cached page."""
    _reader_values[name] = issue


@functools.cache
def _reader_markers():
    """The markers carry a key derived from SECRET_KEY (the same in every app process, so a
    page cached by one is filled by another): text a reader sends and a page echoes (a
    search, a filter) cannot pass for one."""
    key = salted_hmac("newsroom.reader-value", "marker", algorithm="sha256").hexdigest()[:20]
    pattern = re.compile(
        READER_MARK + key.encode() + rb":([a-z0-9-]{1,40}):([A-Za-z0-9_-]{0,40})\x00"
    )
    return key, pattern


def reader_value(name, argument=""):
    """A marker for a value issued to each reader (``register_reader_value``): whatever
    page or fragment it is cached in, every response gets a new one. ``argument``: letters,
    digits, ``-`` and ``_`` (an id)."""
    if name not in _reader_values:
        raise KeyError(f"No reader value is registered as {name!r}")
    return f"\x00reader:{_reader_markers()[0]}:{name}:{argument}\x00"


def fill_reader_values(request, content):
    def issue(match):
        issuer = _reader_values.get(match[1].decode())
        try:
            value = issuer(request, match[2].decode()) if issuer else ""
        except (TypeError, ValueError):
            logger.exception("Reader value %s could not be issued", match[1].decode())
            value = ""
        return value.encode()

    return _reader_markers()[1].sub(issue, content)


class ReaderValuesMiddleware:
    """Fills every ``reader_value()`` marker in a page, cached or not (the innermost
    middleware, so that the length and ETag headers around it see the filled page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.streaming and READER_MARK in response.content:
            response.content = fill_reader_values(request, response.content)
        return response


# --- Pages -------------------------------------------------------------------------------


def is_reader(request):
    """Anyone not logged in: staff always see the live site. A session cookie alone is not
    enough (anyone can send ``sessionid=x`` to skip the cache): it must name a live login."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _known_only(request, known):
    """Keep only the query parameters the view reads: the page it renders cannot vary on
    the others (``?utm=...``, random cache-busters), so they neither make a new cache entry
    nor reach the view."""
    if not request.GET:
        return
    kept = QueryDict(mutable=True)
    for name in sorted(known):
        for value in request.GET.getlist(name):
            kept.appendlist(name, value)
    if kept.urlencode() == request.META.get("QUERY_STRING", ""):
        return
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()
    kept._mutable = False


def cache_page(*tags, bypass=None, params=(), vary=None):
    """Serve a view's GET (and HEAD) responses to readers from the cache, kept until one of
    the tags its page showed (these, and all it collected while rendering) is purged or it
    expires. ``bypass(request)`` true: this reader gets a fresh page (their own held
    comment, say). ``params``: the query parameters the view reads (names, or a callable
    returning them, for a filter set's); for readers, any other is dropped before the view
    runs, and the page is cached under the address with the known ones only. ``vary(request)
    -> (key, headers)``: a page that differs by something the reader sends besides its
    address (their country, from a cookie or Accept-Language) is kept once per ``key``, and
    answered with ``Vary: headers`` for caches beyond this one."""

    def decorator(view):
        known = []

        def known_params():
            if not known:
                known.append(frozenset(params() if callable(params) else params))
            return known[0]

        @functools.wraps(view)
        def cached_view(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):  # HEAD: the GET's page, sent bodiless
                return view(request, *args, **kwargs)
            if not is_reader(request) or (bypass and bypass(request)):
                response = _render(view, request, args, kwargs, tags)[0]
                if response.status_code == 200:  # nobody else may keep a staff member's page
                    response["Cache-Control"] = "private, no-cache"
                return response
            _known_only(request, known_params())
            if not settings.NEWSROOM_PAGE_CACHE_SECONDS:  # the page cache is switched off
                return _render(view, request, args, kwargs, tags)[0]
            varies, vary_headers = vary(request) if vary else ("", "")
            key = _page_key(request, varies)
            entry = _page_lookup(key)
            if entry is not None:
                return _varied(_serve(request, entry, "hit"), vary_headers)
            try:
                response, collected = _render_retried(view, request, args, kwargs, tags)
            except Exception as error:
                stale = _stale_copy(key) if is_outage(error) else None
                if stale is None:
                    raise
                logger.warning("Database unavailable: the last copy of %s served", request.path)
                response = _serve(request, stale, "stale")
                del response["ETag"]
                response["Cache-Control"] = "private, no-store"  # nobody may keep it
                return response
            entry = _page_entry(response, collected)
            if entry is None:
                return _varied(response, vary_headers)
            _page_store(key, entry)
            return _varied(_serve(request, entry, "miss", response), vary_headers)

        return cached_view

    return decorator


def _render(view, request, args, kwargs, tags):
    with collecting() as collected:
        add_tags(*tags)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()  # a TemplateResponse: its tags are collected while it renders
    return response, collected


def _render_retried(view, request, args, kwargs, tags):
    """Render; if the database dropped the connection, once more on a fresh one."""
    try:
        return _render(view, request, args, kwargs, tags)
    except Exception as error:
        if not is_outage(error):
            raise
        return retry_read(request, lambda: _render(view, request, args, kwargs, tags), error)


def _stale_copy(key):
    """The page's last copy, however out of date (while the database cannot rebuild it)."""
    entry = _cache_get(key, deliver=False)
    return entry if isinstance(entry, dict) and "content" in entry else None


def _page_lookup(key):
    """The cached page if every tag it carries is current (checked inside Redis in one round
    trip where the backend can), else None. Purges still to deliver are delivered first:
    while they cannot be, nothing cached is trusted."""
    if not deliver_pending_purges():
        return None
    current = getattr(cache, "get_current", None)
    if current is None:
        entry = _cache_get(key)
        return entry if _is_fresh(entry) else None
    try:
        entry = current(key)
    except Exception:
        logger.exception("Cache unavailable")
        return None
    return entry if entry and time.time() < entry["until"] else None


def _page_store(key, entry):
    timeout = _timeout(entry, settings.NEWSROOM_PAGE_CACHE_SECONDS)
    store = getattr(cache, "set_current", None)
    try:
        if store is None:
            cache.set(key, entry, timeout=timeout)
        else:
            tokens = {_version_key(tag): token for tag, token in entry["tags"].items()}
            store(key, entry, tokens, timeout)
    except Exception:
        logger.exception("Cache unavailable")


def _page_key(request, varies=""):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(f"{url} {varies}".encode()).hexdigest()


def _varied(response, headers):
    if headers:
        patch_vary_headers(response, headers)
    return response


def _page_entry(response, collected):
    """What to keep of a fresh response, or None if it must not be shared."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or "private" in response.get("Cache-Control", "")
    ):
        return None
    content, holes = CSRF_FIELD.subn(rb"\1" + CSRF_HOLE + rb"\2", response.content)
    collected.tags.add(SITE)
    own = {"content-type", "content-length", "set-cookie", "vary", "cache-control", "etag"}
    headers = {name: value for name, value in response.items() if name.lower() not in own}
    return _entry(
        collected,
        content=content,
        content_type=response["Content-Type"],
        headers=headers,  # what the view set (X-Robots-Tag, Last-Modified...)
        csrf=bool(holes),
        per_reader=_reader_markers()[1].search(content) is not None,
        etag='W/"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"',
        tag_header=tag_header(collected.tags),
    )


def tag_header(tags):
    """The value of the CDN's tag header: comma-separated, or space-separated for
    Fastly's Surrogate-Key."""
    separator = " " if settings.NEWSROOM_CACHE_TAG_HEADER.lower() == "surrogate-key" else ","
    return separator.join(sorted(tags))


def _serve(request, entry, state, response=None):
    if response is None:
        content = entry["content"]
        if entry["csrf"]:
            content = content.replace(CSRF_HOLE, get_token(request).encode())
        response = HttpResponse(content, content_type=entry["content_type"])
        for name, value in entry["headers"].items():
            response[name] = value
    if entry.get("per_reader"):
        # A value made for this response alone (a one-time token): no copy may be reused,
        # not even the browser's own after a 304.
        response["Cache-Control"] = "private, no-cache"
        response[HEADER] = state
        return response
    response["ETag"] = entry["etag"]
    if entry["csrf"]:
        # The form carries this reader's CSRF token: browsers may keep it, shared caches not.
        response["Cache-Control"] = "private, max-age=0, must-revalidate"
    else:
        # A CDN may keep it as long as the newsroom allows, never past the page's expiry.
        cdn = int(min(settings.NEWSROOM_CDN_MAX_AGE, entry["until"] - time.time()))
        response["Cache-Control"] = "public, max-age=0, must-revalidate" + (
            f", s-maxage={cdn}" if cdn > 0 else ""
        )
        if settings.NEWSROOM_CACHE_TAG_HEADER:
            response[settings.NEWSROOM_CACHE_TAG_HEADER] = entry["tag_header"]
    response[HEADER] = state
    return get_conditional_response(request, etag=entry["etag"], response=response)

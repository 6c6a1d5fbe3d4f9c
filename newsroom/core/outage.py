"""A database hiccup degrades the site instead of breaking it.

- A read whose connection dropped (a failover, a pooler restart) is retried once on a fresh
  connection: GET and HEAD only, outside any transaction.
- A cached public page that cannot be rebuilt is served from its last copy, marked
  ``X-Page-Cache: stale`` (``newsroom.core.cache.cache_page``).
- Otherwise the answer is a plain 503 page with ``Retry-After``, for readers, staff and
  posters alike; what a POST carried (a comment, an article's text) is shown back on it,
  so that nothing typed is lost.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
RETRY_AFTER = 30  # seconds
OUTAGE = (OperationalError, InterfaceError)
# Fields that are not what someone typed, or must never be echoed.
_NOT_TYPED = {"csrfmiddlewaretoken", "token", "website", "loaded_version", "next", "parent"}


def is_outage(error):
    """The database could not be reached or dropped the connection (not a bad query)."""
    return isinstance(error, OUTAGE)


def fresh_connections():
    """Close every connection that is not inside a transaction: the next query opens a new
    one. False when one is inside a transaction (its work cannot be retried)."""
    if any(connection.in_atomic_block for connection in connections.all(initialized_only=True)):
        return False
    for connection in connections.all(initialized_only=True):
        connection.close()
    return True


def retry_read(request, call, error):
    """``call()`` once more on fresh connections if `request` is a read and may be retried;
    re-raises `error` otherwise (or the new one if it fails again)."""
    if request.method not in ("GET", "HEAD") or getattr(request, "_database_retried", False):
        raise error
    request._database_retried = True
    if not fresh_connections():
        raise error
    logger.warning("Database connection lost: %s %s retried once", request.method, request.path)
    return call()


def typed_fields(request):
    """[(name, text, rows)] of what a POST carried that someone typed."""
    if request.method != "POST":
        return []
    return [
        (name, value, 6 if len(value) > 80 or "\n" in value else 1)
        for name, values in request.POST.lists()
        for value in values
        if name not in _NOT_TYPED
        and not name.startswith("_")
        and "password" not in name
        and not name.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS"))
        and not name.endswith(("-MAX_NUM_FORMS", "-id", "-ordering", "-region", "-position"))
        and len(value.strip()) > 1
        and not value.isdigit()
    ]


def unavailable(request):
    """The 503 page: no query, no session, no template context processor."""
    response = HttpResponse(
        render_to_string(
            "503.html",
            {"typed": typed_fields(request), "retry_after": RETRY_AFTER},
        ),
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Retries a read once on fresh connections when its view lost the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        match = request.resolver_match
        if match is None:
            return None

        def again():
            response = match.func(request, *match.args, **match.kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response

        try:
            return retry_read(request, again, exception)
        except Exception as error:
            if is_outage(error):
                logger.exception("Database unavailable: %s %s", request.method, request.path)
                return unavailable(request)
            raise


def server_error(request):
    """handler500: a database outage raised outside a view (a middleware) is a 503 with
    Retry-After; anything else the friendly 500 page. (Under WSGI, where the error being
    handled is known here; a view's outage is answered by the middleware above.)"""
    error = sys.exc_info()[1]
    if error is not None and is_outage(error):
        return unavailable(request)
    return HttpResponse(render_to_string("500.html"), status=500)

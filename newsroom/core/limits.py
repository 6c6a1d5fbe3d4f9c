"""Counters that cannot be evicted: rate limits and one-time tokens.

Kept in the database (``Counter``), never in the cache: the page cache runs under an
eviction policy, and a flood of requests for new pages must not evict a rate limit. One
statement per count (an upsert), so concurrent posts from many app servers each count.
"""

import datetime
import hashlib
import time

from django.db import connection
from django.utils import timezone

from newsroom.core.models import Counter


def _add_one(key, expires_at):
    if len(key) > 200:  # an email or an address can be long: the column is not
        key = f"{key[:100]}:{hashlib.sha256(key.encode()).hexdigest()}"
    table = connection.ops.quote_name(Counter._meta.db_table)
    key_column, count = connection.ops.quote_name("key"), connection.ops.quote_name("count")
    expires = connection.ops.quote_name("expires_at")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {count}, {expires}) VALUES (%s, 1, %s) "  # noqa: S608 (quoted names)
            f"ON CONFLICT ({key_column}) DO UPDATE SET {count} = {table}.{count} + 1 "
            f"RETURNING {count}",
            [key, expires_at],
        )
        added = cursor.fetchone()[0]
    if added == 1:  # a new window or token: clear those that have ended
        Counter.objects.filter(expires_at__lt=timezone.now()).delete()
    return added


def hit(key, *, seconds):
    """Count one event against a fixed window of ``seconds``; the count so far in it."""
    window = int(time.time() // seconds)
    ends = timezone.now() + datetime.timedelta(seconds=seconds + 5)
    return _add_one(f"{key}:{window}", ends)


def first_use(key, *, seconds):
    """True the first time ``key`` is used (remembered for ``seconds``), False after."""
    return _add_one(f"once:{key}", timezone.now() + datetime.timedelta(seconds=seconds)) == 1

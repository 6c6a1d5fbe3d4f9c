"""Paginators for big tables: public lists count once per version of what they list; admin
change lists count unfiltered tables from the planner's statistics."""

import datetime
import hashlib
import logging
import re

from django.core.paginator import Paginator
from django.db import connection
from django.utils.functional import cached_property

from newsroom.core.cache import cached_value

logger = logging.getLogger(__name__)
_TIMESTAMP = re.compile(r"'?(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?)(\+00:00)?'?")
_NOW = datetime.timedelta(minutes=5)


def _as_now(match):
    """A timestamp of the last few minutes is ``published()``'s "now"; any other (a date a
    reader typed into search, say) is kept, so different queries never share a count."""
    try:
        when = datetime.datetime.fromisoformat(match.group(1))
    except ValueError:
        return match.group(0)
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    return "NOW" if abs(when.replace(tzinfo=None) - now) < _NOW else match.group(0)


class CachedCountPaginator(Paginator):
    """A public list counts its rows once, then again only when what it lists changes:
    COUNT(*) over a large archive costs more than the rest of the page. The count is a cached
    value that inherits the tags and expiry the page collected before counting (the list's
    own tags, named by the selector that built the queryset, and its filters').

    The key is the SQL with the current time read as "now" (``published()`` compares with
    it; the next publication's expiry renews the count)."""

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql = _TIMESTAMP.sub(_as_now, str(query))
        except Exception:  # SQL that cannot be shown: count in the database
            logger.exception("List count not cacheable")
            return super().count
        key = "count:" + hashlib.sha256(sql.encode()).hexdigest()
        return cached_value(key, lambda: Paginator.count.func(self), inherit=True)


class EstimatedCountPaginator(Paginator):
    """An unfiltered list on PostgreSQL is counted from the planner's statistics (pg_class,
    kept by autovacuum) instead of COUNT(*) over the whole table; a filtered or searched list,
    usually small, is counted exactly. Page links stay right to within the estimate."""

    EXACT_BELOW = 10_000

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is not None and not query.where and connection.vendor == "postgresql":
            table = self.object_list.model._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
                row = cursor.fetchone()
            if row and row[0] >= self.EXACT_BELOW:
                return int(row[0])
        return super().count

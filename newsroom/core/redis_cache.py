"""Django's Redis cache, made to survive a Redis outage: the site keeps serving.

While Redis cannot be reached, reads miss, writes are dropped and counters start from zero,
each logged once per call. Pages are then rendered fresh (slower, never stale: version tokens
cannot be read, so nothing cached is trusted), sessions fall back to the database
(`cached_db`); comment rate limits are counted in the database and hold. A purge that cannot
be written is kept in the database and delivered once Redis answers (newsroom/core/cache.py).
"""

import functools
import hashlib
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError)


def _survive(fallback):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE:
                logger.exception("Redis is unreachable: cache %s skipped", method.__name__)
                self.outage_seen_at = time.monotonic()
                return fallback(*args, **kwargs)

        return wrapper

    return decorator


def _default(key, default=None, *args, **kwargs):
    return default


def _text(value):
    try:
        return value.decode("ascii")
    except UnicodeDecodeError:
        return None


class _ReusedClients(RedisCacheClient):
    """Django builds a new redis.Redis object (and its table of response callbacks) for every
    cache call: a fifth of a millisecond, as much as the round trip. Keep one per pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class ResilientRedisCache(RedisCache):
    outage_seen_at = 0.0  # when a call last failed (time.monotonic()): purges may be waiting

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClients

    get = _survive(_default)(RedisCache.get)
    get_many = _survive(lambda keys, *a, **k: {})(RedisCache.get_many)
    set = _survive(lambda *a, **k: None)(RedisCache.set)
    set_many = _survive(lambda data, *a, **k: list(data))(RedisCache.set_many)
    add = _survive(lambda *a, **k: False)(RedisCache.add)
    delete = _survive(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _survive(lambda *a, **k: None)(RedisCache.delete_many)
    touch = _survive(lambda *a, **k: False)(RedisCache.touch)
    has_key = _survive(lambda *a, **k: False)(RedisCache.has_key)
    incr = _survive(lambda key, delta=1, *a, **k: delta)(RedisCache.incr)
    clear = _survive(lambda *a, **k: False)(RedisCache.clear)

    # Version tokens of cache tags (newsroom/core/cache.py) are short ASCII strings read in
    # bulk: stored as they are, without pickling or key validation. A value that is not such
    # a string comes back as None (and is replaced).
    @_survive(lambda keys, *a, **k: {})
    def get_raw_many(self, keys):
        client = self._cache.get_client(None)
        values = client.mget([self.make_key(key) for key in keys])
        return {
            key: _text(value) for key, value in zip(keys, values, strict=True) if value is not None
        }

    # Not survived: a purge that did not reach Redis must know it (it is kept and retried).
    def set_raw_many(self, data):
        client = self._cache.get_client(None, write=True)
        client.mset({self.make_key(key): value for key, value in data.items()})

    @_survive(lambda *a, **k: False)
    def add_raw(self, key, value):
        client = self._cache.get_client(None, write=True)
        return bool(client.set(self.make_key(key), value, nx=True))

    # A cached page is checked against the current tokens of its tags inside Redis, in the
    # same round trip as the page is read: a script compares the tokens the entry lists with
    # the current ones (a missing one never matches), and the entry comes back beside it.
    _TAGS_CURRENT = r"""
    local listed = redis.call('GET', KEYS[1])
    if not listed then return 0 end
    local keys, tokens = {}, {}
    for key, token in string.gmatch(listed, '([^\t\n]+)\t([^\n]+)') do
      keys[#keys + 1] = key
      tokens[#tokens + 1] = token
    end
    for first = 1, #keys, 1000 do
      local last = math.min(first + 999, #keys)
      local current = redis.call('MGET', unpack(keys, first, last))
      for i = first, last do
        if current[i - first + 1] ~= tokens[i] then return 0 end
      end
    end
    return 1
    """
    _TAGS_CURRENT_SHA = hashlib.sha1(_TAGS_CURRENT.encode(), usedforsecurity=False).hexdigest()

    @_survive(_default)
    def get_current(self, key, default=None):
        """The entry stored with ``set_current`` if all its tags are current, else None."""
        client = self._cache.get_client(None)
        for attempt in (1, 2):
            pipeline = client.pipeline(transaction=False)
            pipeline.evalsha(self._TAGS_CURRENT_SHA, 1, self.make_key(f"{key}:tags"))
            pipeline.get(self.make_key(key))
            try:
                current, raw = pipeline.execute()
                break
            except NoScriptError:  # Redis restarted or flushed its scripts: load it again
                if attempt == 2:
                    raise
                client.script_load(self._TAGS_CURRENT)
        if not current or raw is None:
            return default
        return self._cache._serializer.loads(raw)

    @_survive(lambda *a, **k: None)
    def set_current(self, key, entry, tokens, timeout):
        """Store an entry with the tokens ({version key: token}) it was built with."""
        listing = "\n".join(f"{self.make_key(name)}\t{token}" for name, token in tokens.items())
        client = self._cache.get_client(None, write=True)
        pipeline = client.pipeline()
        pipeline.set(self.make_key(key), self._cache._serializer.dumps(entry), ex=timeout)
        pipeline.set(self.make_key(f"{key}:tags"), listing, ex=timeout)
        pipeline.execute()

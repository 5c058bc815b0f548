"""A Redis cache that degrades instead of failing when Redis is unreachable.

Everything the site keeps in the shared cache can be lost or recomputed (facet options, rate-limit
counters, the search circuit breaker, cached fragments, batched counters), so a Redis outage must not
turn every page into a 500. While Redis does not answer, reads miss, writes are dropped and counters
count from the delta: pages are rebuilt from the database, rate limits let requests through (they are
a cost guard, not an access rule; log-in throttling is django-axes, in the database). After one
failure this process stops trying for `RETRY_SECONDS`, so an outage costs one socket timeout per
process, not one per cache call. Each degradation is logged once per outage."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def degrades_to(fallback):
    """Run the Redis call; while Redis is unreachable, answer `fallback(*args, **kwargs)` instead."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE as error:
                if not self._down_until:
                    logger.warning("Redis cache unreachable, serving without it: %s", error)
                self._down_until = time.monotonic() + RETRY_SECONDS
                return fallback(*args, **kwargs)
            if self._down_until:
                logger.warning("Redis cache reachable again")
                self._down_until = 0.0
            return result

        return wrapper

    return decorate


def _default(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _no_failed_keys(data, *args, **kwargs):
    return []


def _delta(key, delta=1, version=None):
    return delta


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    get = degrades_to(_default)(RedisCache.get)
    get_many = degrades_to(_empty)(RedisCache.get_many)
    has_key = degrades_to(_false)(RedisCache.has_key)
    add = degrades_to(_false)(RedisCache.add)
    set = degrades_to(_nothing)(RedisCache.set)
    set_many = degrades_to(_no_failed_keys)(RedisCache.set_many)
    touch = degrades_to(_false)(RedisCache.touch)
    delete = degrades_to(_false)(RedisCache.delete)
    delete_many = degrades_to(_nothing)(RedisCache.delete_many)
    incr = degrades_to(_delta)(RedisCache.incr)
    clear = degrades_to(_nothing)(RedisCache.clear)

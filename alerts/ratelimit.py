"""Per-address limit of the subscribe form, keyed on the exchange form's keyed hash of the address
(no IP is stored); counts live in the default cache for an hour."""

from django.conf import settings
from django.core.cache import cache

from exchange.ratelimit import WINDOW_SECONDS, client_key

__all__ = ["WINDOW_SECONDS", "client_key", "count", "is_limited"]


def limit() -> int:
    """Subscribe attempts per address and hour, valid or not."""
    return getattr(settings, "ALERTS_RATE_LIMIT", 10)


def _key(client: str) -> str:
    return f"alerts:rate:{client}"


def is_limited(client: str) -> bool:
    return cache.get(_key(client), 0) >= limit()


def count(client: str) -> None:
    key = _key(client)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)

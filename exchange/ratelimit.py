"""Per-address rate limit of the public form, keyed on a keyed hash of the client's address
(accounts/throttling.py: the address behind the trusted proxies): no IP is stored.

Counts live in the shared cache for an hour (a fixed window from the first attempt).
"""

from django.conf import settings
from django.core.cache import cache

from accounts.throttling import client_key
from accounts.throttling import count as count_hit

__all__ = ["WINDOW_SECONDS", "client_key", "count", "is_limited", "limits"]

WINDOW_SECONDS = 60 * 60


def limits() -> dict[str, int]:
    """Requests sent (saved or caught by the honeypot) and attempts of any kind, per address and hour."""
    return {"sent": 5, "attempts": 20, **settings.EXCHANGE_RATE_LIMITS}


def _key(kind: str, client: str) -> str:
    return f"exchange:rate:{kind}:{client}"


def is_limited(client: str) -> bool:
    counts = cache.get_many([_key(kind, client) for kind in limits()])
    return any(counts.get(_key(kind, client), 0) >= limit for kind, limit in limits().items())


def count(kind: str, client: str) -> None:
    count_hit(_key(kind, client), WINDOW_SECONDS)

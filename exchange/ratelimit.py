"""Per-address rate limit of the public form, keyed on a keyed hash of the address: no IP is stored.

Counts live in the default cache for an hour (a fixed window from the first attempt). With several
processes, use a shared cache (Redis, database) so that the limit holds across them.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def limits() -> dict[str, int]:
    """Requests sent (saved or caught by the honeypot) and attempts of any kind, per address and hour."""
    return {"sent": 5, "attempts": 20, **getattr(settings, "EXCHANGE_RATE_LIMITS", {})}


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _key(kind: str, client: str) -> str:
    return f"exchange:rate:{kind}:{client}"


def is_limited(client: str) -> bool:
    counts = cache.get_many([_key(kind, client) for kind in limits()])
    return any(counts.get(_key(kind, client), 0) >= limit for kind, limit in limits().items())


def count(kind: str, client: str) -> None:
    key = _key(kind, client)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)

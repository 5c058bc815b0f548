"""Per-address limit of the subscribe form, keyed on a keyed hash of the client's address
(accounts/throttling.py; no IP is stored); counts live in the shared cache for an hour."""

from django.conf import settings

from accounts.throttling import client_key, hits
from accounts.throttling import count as count_hit
from exchange.ratelimit import WINDOW_SECONDS

__all__ = ["WINDOW_SECONDS", "client_key", "count", "is_limited"]


def limit() -> int:
    """Subscribe attempts per address and hour, valid or not."""
    return settings.ALERTS_RATE_LIMIT


def _key(client: str) -> str:
    return f"alerts:rate:{client}"


def is_limited(client: str) -> bool:
    return hits(_key(client)) >= limit()


def count(client: str) -> None:
    count_hit(_key(client), WINDOW_SECONDS)

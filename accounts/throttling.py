"""The client's address and the counters every rate limit uses (exchange and alerts forms,
password-reset and invitation e-mails, log-in throttling by django-axes).

One rule for the address, so no limit can be dodged or shared by accident: behind the proxy every
request comes from the proxy's address, so a limit keyed on REMOTE_ADDR would be one limit for
the whole world (docs/operations.md, "Behind proxies"). Counters live in the shared cache, so
the limit holds across workers.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind `TRUSTED_PROXY_COUNT` reverse proxies the address the outermost
    one saw. Only addresses appended by our own proxies are trusted: a client can put anything
    at the start of X-Forwarded-For to dodge its lock."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def keyed_hash(value: str) -> str:
    """What the counters are keyed on instead of an address or e-mail: no personal data in the
    cache, and nobody without SECRET_KEY can tell which value a key stands for."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def client_key(request) -> str:
    return keyed_hash(client_ip(request) or "unknown")


def hits(key: str) -> int:
    return cache.get(key, 0)


def count(key: str, window_seconds: int) -> int:
    """Adds one to a counter that expires `window_seconds` after its first hit; returns the new value."""
    cache.add(key, 0, window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        return 1


def over_limit(key: str, *, limit: int, window_seconds: int) -> bool:
    """Counts one more attempt; says whether it goes beyond `limit` in the window."""
    return count(key, window_seconds) > limit


# E-mails an attacker could make the site send: per hour, per target and per client address.
MAIL_WINDOW_SECONDS = 60 * 60


def mail_limits() -> dict[str, int]:
    """Password-reset e-mails per account, reset requests per address, invitations per invited
    address, per inviting user and per address (settings.ACCOUNT_MAIL_LIMITS overrides)."""
    defaults = {"reset_account": 3, "reset_address": 10, "invite_target": 2, "invite_sender": 30, "invite_address": 30}
    return {**defaults, **settings.ACCOUNT_MAIL_LIMITS}

"""The client address django-axes counts failed log-ins against."""

from django.conf import settings


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

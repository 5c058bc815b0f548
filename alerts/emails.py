"""The two e-mails of a followed search, in the subscription's language: the confirmation request
and the digest of new practices (plain text + HTML, with RFC 8058 one-click unsubscribe headers)."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.mail import render_message

CONFIRM_SALT = "alerts.confirm"


def site_url() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute(view_name: str, language: str, *, base: str | None = None, **kwargs) -> str:
    with translation.override(language):
        return (base or site_url()) + reverse(view_name, kwargs=kwargs or None)


def confirmation_link(subscription, *, base: str | None = None) -> str:
    signed = signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscription.confirmation_token)
    return absolute("alerts:confirm", subscription.language, base=base, signed=signed)


def search_link(subscription, *, base: str | None = None, newest: bool = False) -> str:
    url = absolute("search", subscription.language, base=base)
    query = subscription.query
    if newest:
        query = f"{query}&sort=newest" if query else "sort=newest"
    return f"{url}?{query}" if query else url


def unsubscribe_links(subscription, *, base: str | None = None) -> tuple[str, str]:
    """The page a person opens (a confirm button) and the one-click endpoint mail clients POST to."""
    token = subscription.unsubscribe_token
    return (
        absolute("alerts:unsubscribe", subscription.language, base=base, token=token),
        absolute("alerts:one_click", subscription.language, base=base, token=token),
    )


def _message(template: str, subscription, context: dict, headers: dict | None = None) -> EmailMultiAlternatives:
    return render_message(
        f"alerts/email/{template}",
        language=subscription.language,
        context=context,
        to=[subscription.email],
        html=True,
        headers=headers or {},
    )


def confirmation_message(subscription, *, description) -> EmailMultiAlternatives:
    base = site_url()
    context = {
        "subscription": subscription,
        "description": description,
        "confirm_url": confirmation_link(subscription, base=base),
        "search_url": search_link(subscription, base=base),
        "expiry_days": settings_expiry_days(),
        "language": subscription.language,
    }
    return _message("confirm", subscription, context)


def digest_message(subscription, *, description, new, base: str) -> EmailMultiAlternatives:
    page_url, one_click_url = unsubscribe_links(subscription, base=base)
    context = {
        "subscription": subscription,
        "description": description,
        "practices": new.practices,
        "more": new.more,
        "search_url": search_link(subscription, base=base, newest=True),
        "unsubscribe_url": page_url,
        "language": subscription.language,
    }
    headers = {
        "List-Unsubscribe": f"<{one_click_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
    return _message("digest", subscription, context, headers)


def settings_expiry_days() -> int:
    return settings.ALERTS_CONFIRMATION_DAYS

"""E-mails of the exchange: to the publishing institution, to the requester, and an institution's answer.

Officials read in their admin language (Wagtail's profile setting) or Spanish; the requester in
the language of the page they used. The confirmation repeats none of the visitor's free text, so
the form cannot be used to send someone else arbitrary text from the site's address.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from wagtail.users.models import UserProfile

from core.mail import render_message

logger = logging.getLogger(__name__)
SITE_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _language(code: str | None) -> str:
    code = (code or "")[:2]
    return code if code in SITE_LANGUAGES else settings.LANGUAGE_CODE


def _message(template: str, language: str, context: dict, *, to: list[str], **options):
    return render_message(f"exchange/email/{template}", language=language, context=context, to=to, **options)


def institution_recipients(institution) -> list[tuple[str, str]]:
    """(address, language) of the institution's active officials and of its public contact address."""
    if institution is None:
        return []
    officials = get_user_model().objects.filter(is_active=True, groups__institution_pages=institution).exclude(email="")
    recipients = {}
    profiles = {p.user_id: p for p in UserProfile.objects.filter(user__in=officials)}
    for user in officials.distinct():
        profile = profiles.get(user.pk)
        recipients[user.email.lower()] = (user.email, _language(profile.preferred_language if profile else None))
    if institution.email and institution.email.lower() not in recipients:
        recipients[institution.email.lower()] = (institution.email, settings.LANGUAGE_CODE)
    return list(recipients.values())


def admin_url(exchange_request) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("exchangerequest:edit", args=[exchange_request.pk])


def send_new_request(exchange_request) -> int:
    institution = exchange_request.institution
    if institution is not None:
        institution.country  # noqa: B018 - loaded once for every message
    messages = []
    context = {"request": exchange_request, "admin_url": admin_url(exchange_request)}
    for address, language in institution_recipients(institution):
        messages.append(_message("new_request", language, context, to=[address], reply_to=[exchange_request.email]))
    if not messages:
        logger.warning("Exchange request %s: its institution has no address to notify.", exchange_request.pk)
    language = _language(exchange_request.language)
    messages.append(_message("confirmation", language, {"request": exchange_request}, to=[exchange_request.email]))
    return _send(messages)


def _send(messages: list[EmailMessage]) -> int:
    # The request is saved whatever happens to the mail server; a failure is logged for the operators.
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:
        logger.exception("Exchange e-mails could not be sent (%d messages).", len(messages))
        return 0


def send_answer(exchange_request, change) -> int:
    language = _language(exchange_request.language)
    reply_to = [change.user.email] if change.user and change.user.email else []
    if not reply_to and exchange_request.institution and exchange_request.institution.email:
        reply_to = [exchange_request.institution.email]
    context = {"request": exchange_request, "change": change}
    return _send([_message("answer", language, context, to=[exchange_request.email], reply_to=reply_to)])

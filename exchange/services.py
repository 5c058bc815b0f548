"""Writes of the exchange app: a request received, a request moved along. Both send their e-mails."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from practices.models import PracticePage
from practices.queries import published_practices
from practices.taxonomy import Country

from . import emails
from .choices import OTHER_COUNTRY, RequestStatus
from .models import ExchangeRequest, StatusChange


def original_of(page):
    """The practice in the Spanish tree: the one the publishing institution owns, whatever the visitor read."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page

    return PracticePage.objects.filter(translation_key=page.translation_key, locale=default).first() or page


def create_request(*, page, data: dict, language: str) -> ExchangeRequest:
    practice = original_of(page)
    country_code = data["country"]
    exchange_request = ExchangeRequest.objects.create(
        practice=practice,
        practice_title=practice.title[:255],
        institution_id=practice.institution_id,
        name=data["name"].strip(),
        requester_institution=data["requester_institution"].strip(),
        requester_country=None if country_code == OTHER_COUNTRY else Country.objects.filter(iso2=country_code).first(),
        requester_country_other=data.get("country_other", "").strip() if country_code == OTHER_COUNTRY else "",
        email=data["email"],
        message=data["message"].strip(),
        formats=list(data["formats"]),
        consent=True,
        consent_at=timezone.now(),
        language=language,
    )
    StatusChange.objects.create(request=exchange_request, from_status="", to_status=RequestStatus.NEW)
    transaction.on_commit(lambda: emails.send_new_request(exchange_request))
    return exchange_request


def record_change(exchange_request, *, user, from_status: str, note: str, send: bool) -> StatusChange | None:
    """One history row when the status changes or a note is written; the answer is mailed if asked."""
    if from_status == exchange_request.status and not note:
        return None
    change = StatusChange.objects.create(
        request=exchange_request,
        from_status=from_status,
        to_status=exchange_request.status,
        note=note,
        sent_to_requester=send and bool(note),
        user=user,
    )
    if change.sent_to_requester:
        transaction.on_commit(lambda: emails.send_answer(exchange_request, change))
    return change


def other_institutions_on_the_subject(page, *, limit: int = 4) -> list:
    """After a request is sent: practices of other institutions that share a topic or an indicator
    type with `page`, one per institution, so the visitor can ask them too (in three queries)."""
    topic_ids = list(page.tagged_topics.values_list("tag_id", flat=True))
    type_ids = [pk for pk in page.results.values_list("indicator_type_id", flat=True) if pk]
    if not topic_ids and not type_ids:
        return []
    candidates = (
        published_practices(locale=page.locale)
        .filter(Q(tagged_topics__tag_id__in=topic_ids) | Q(results__indicator_type_id__in=type_ids))
        .exclude(institution_id=page.institution_id)
        .distinct()
        .select_related("institution", "country")
        .order_by("-first_published_at", "-pk")[: limit * 5]
    )
    chosen, institutions = [], set()
    for practice in candidates:
        if practice.institution_id not in institutions:
            institutions.add(practice.institution_id)
            chosen.append(practice)
    return chosen[:limit]

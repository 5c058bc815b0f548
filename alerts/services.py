"""Subscribing, confirming, unsubscribing and sending the digests: what the views and the command do."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import groupby

from django.core import signing
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import emails
from .models import QUERY_MAX, Subscription
from .searches import NewPractices, describe, newest_matches, normalise_query, parse

logger = logging.getLogger(__name__)
MAX_PER_EMAIL = 20
# A second confirmation e-mail to the same address and search waits this long: the form cannot be
# used to flood someone's inbox.
RESEND_AFTER = timedelta(minutes=15)


class SearchTooLong(ValueError):
    pass


def subscribe(*, email: str, query: str, language: str) -> Subscription | None:
    """Saves an unconfirmed subscription and sends the confirmation e-mail.

    The caller answers the same whatever happens here (new, already there, confirmed, too many):
    the answer must not tell a stranger whether an address follows a search.
    """
    email = email.strip().lower()
    parameters = parse(query, language=language)
    query = normalise_query(parameters)
    if len(query) > QUERY_MAX:
        raise SearchTooLong(query)
    now = timezone.now()
    existing = Subscription.objects.filter(email=email, language=language, query=query).first()
    if existing is not None:
        if existing.is_confirmed:
            return None
        if existing.confirmation_sent_at and now - existing.confirmation_sent_at < RESEND_AFTER:
            return None
        subscription = existing
    else:
        if Subscription.objects.filter(email=email).count() >= MAX_PER_EMAIL:
            logger.info("Search alerts: an address reached %d subscriptions; nothing saved.", MAX_PER_EMAIL)
            return None
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(email=email, language=language, query=query)
        except IntegrityError:  # the same form sent twice at once
            return None
    message = emails.confirmation_message(subscription, description=describe_in(parameters, language))
    try:
        message.send()
    except Exception:
        logger.exception("Search alerts: the confirmation e-mail could not be sent.")
        return subscription
    Subscription.objects.filter(pk=subscription.pk).update(confirmation_sent_at=now)
    return subscription


def confirm(signed: str) -> Subscription | None:
    """The subscription whose link this is, confirmed now (or earlier); None when the link is bad or old."""
    try:
        token = signing.TimestampSigner(salt=emails.CONFIRM_SALT).unsign(
            signed, max_age=timedelta(days=emails.settings_expiry_days())
        )
    except signing.BadSignature:  # also SignatureExpired
        return None
    subscription = Subscription.objects.filter(confirmation_token=token).first()
    if subscription is not None and not subscription.is_confirmed:
        now = timezone.now()
        # Only practices published from now on are news to this subscriber.
        subscription.confirmed_at = now
        subscription.last_seen_published_at = now
        subscription.save(update_fields=["confirmed_at", "last_seen_published_at"])
    return subscription


def unsubscribe(token: str) -> bool:
    """Deletes the subscription (and with it the address). True when there was one."""
    if not token:
        return False
    deleted, _ = Subscription.objects.filter(unsubscribe_token=token).delete()
    return bool(deleted)


def purge_unconfirmed(*, now=None) -> int:
    now = now or timezone.now()
    cutoff = now - timedelta(days=emails.settings_expiry_days())
    deleted, _ = Subscription.objects.unconfirmed().filter(created_at__lt=cutoff).delete()
    return deleted


@dataclass
class SendReport:
    searches: int = 0
    sent: int = 0
    failed: int = 0
    purged: int = 0
    would_send: list = field(default_factory=list)  # (subscription pk, practice titles) in dry runs


def send_digests(*, dry_run: bool = False) -> SendReport:
    """One digest per confirmed subscription with new matches; each distinct search runs once.

    The watermark moves only after its e-mail left, so a failed send is retried by the next run,
    and a second run finds nothing new.
    """
    report = SendReport()
    if not dry_run:
        report.purged = purge_unconfirmed()
    subscriptions = Subscription.objects.confirmed().order_by("language", "query", "pk")
    base = emails.site_url()
    connection = None if dry_run else get_connection()
    for (language, query), group in groupby(subscriptions.iterator(), key=lambda s: (s.language, s.query)):
        group = list(group)
        report.searches += 1
        try:
            parameters = parse(query, language=language)
            description = describe_in(parameters, language)
            since = min(s.last_seen_published_at or s.confirmed_at for s in group)
            found = newest_matches(parameters, since=since)
        except Exception:
            # One search that cannot run must not stop every other subscriber's digest.
            logger.exception("Search alerts: the search %r (%s) could not run; retried next run.", query, language)
            report.failed += len(group)
            continue
        for subscription in group:
            watermark = subscription.last_seen_published_at or subscription.confirmed_at
            practices = [p for p in found.practices if p.first_published_at > watermark]
            new = NewPractices(practices=practices, more=found.more and len(practices) == len(found.practices))
            if not new.practices:
                continue
            if dry_run:
                report.would_send.append((subscription.pk, [p.title for p in new.practices]))
                continue
            message = emails.digest_message(subscription, description=description, new=new, base=base)
            message.connection = connection
            try:
                message.send()
            except Exception:
                logger.exception("Search alerts: digest %s could not be sent; retried next run.", subscription.pk)
                report.failed += 1
                continue
            Subscription.objects.filter(pk=subscription.pk).update(
                last_seen_published_at=max(p.first_published_at for p in new.practices),
                last_notified_at=timezone.now(),
            )
            report.sent += 1
    return report


def describe_in(parameters, language: str):
    from django.utils import translation

    with translation.override(language):
        return [(str(label), str(value)) for label, value in describe(parameters)]

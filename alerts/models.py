"""A followed search: an e-mail address, the search's normalised query string and its language.

Only what sending needs is stored: no name, no IP address. Unsubscribing deletes the row.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

EMAIL_MAX = 254
QUERY_MAX = 2000


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)


class Subscription(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=EMAIL_MAX)
    query = models.CharField(_("search"), max_length=QUERY_MAX, blank=True)  # see searches.normalise_query
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    # Two secrets: the confirmation one goes out once, signed and expiring; the unsubscribe one is
    # in every digest and never expires.
    confirmation_token = models.CharField(max_length=64, unique=True, default=new_token)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_notified_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    # The watermark: the newest publication time already notified (or the confirmation time).
    last_seen_published_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("search alert")
        verbose_name_plural = _("search alerts")
        constraints = [
            models.UniqueConstraint(fields=["email", "language", "query"], name="alerts_one_subscription_per_search"),
        ]
        indexes = [models.Index(fields=["confirmed_at", "language", "query"], name="alerts_sending_order")]

    def __str__(self):
        return f"{self.language}: {self.query or '*'}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

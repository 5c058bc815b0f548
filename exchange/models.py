"""Peer-exchange requests sent from a practice page to the institution that published it."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry, BaseLogEntryManager

from .choices import ExchangeFormat, RequestStatus
from .permissions import ExchangeRequestPermissionPolicy

NAME_MAX = 150
INSTITUTION_MAX = 200
COUNTRY_OTHER_MAX = 100
EMAIL_MAX = 254
MESSAGE_MIN, MESSAGE_MAX = 20, 3000
NOTE_MAX = 4000


class ExchangeRequestQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("practice", "institution__country", "requester_country")


class ExchangeRequest(models.Model):
    """One request. Practice and institution are always the originals in the Spanish tree, whatever
    language the visitor read, so the publishing institution receives it; the visitor's language is kept."""

    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="exchange_requests",
    )
    # Kept so that the request still says what it was about if the practice is deleted.
    practice_title = models.CharField(_("practice title"), max_length=255)
    institution = models.ForeignKey(
        "practices.InstitutionPage",
        verbose_name=_("publishing institution"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="exchange_requests",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    requester_institution = models.CharField(_("requester's institution"), max_length=INSTITUTION_MAX)
    requester_country = models.ForeignKey(
        "practices.Country",
        verbose_name=_("requester's country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requester_country_other = models.CharField(
        _("other country"), max_length=COUNTRY_OTHER_MAX, blank=True, help_text=_("When not a member state.")
    )
    email = models.EmailField(_("e-mail"), max_length=EMAIL_MAX)
    message = models.TextField(_("what they want to learn"), max_length=MESSAGE_MAX)
    formats = models.JSONField(_("preferred formats"), default=list, blank=True)
    consent = models.BooleanField(_("consent to share their data with the institution"), default=False)
    consent_at = models.DateTimeField(_("consent given at"), null=True)
    language = models.CharField(_("visitor's language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("date received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("date updated"), auto_now=True)
    is_demo = models.BooleanField(_("demonstration content"), default=False, editable=False)

    objects = ExchangeRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("exchange request")
        verbose_name_plural = _("exchange requests")
        permissions = [("see_all_exchangerequest", _("Can see the exchange requests of every institution"))]

    def __str__(self):
        # Also the label of admin log entries: a number, not the requester's name.
        return _("Exchange request no. %(number)s") % {"number": self.pk}

    @property
    def country_display(self) -> str:
        return str(self.requester_country) if self.requester_country_id else self.requester_country_other

    def get_formats_display(self) -> str:
        labels = dict(ExchangeFormat.choices)
        return ", ".join(str(labels[code]) for code in self.formats if code in labels)

    get_formats_display.short_description = _("preferred formats")


class StatusChange(models.Model):
    """The history of a request: who moved it to which status, with their note or answer."""

    request = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("previous status"), max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(_("new status"), max_length=20, choices=RequestStatus.choices)
    note = models.TextField(_("note or answer"), blank=True, max_length=NOTE_MAX)
    sent_to_requester = models.BooleanField(_("sent to the requester"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.request_id}: {self.from_status or '-'} -> {self.to_status}"


class ExchangeRequestLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        # Wagtail's default shows every entry of a model to anyone with a permission on it; the
        # site-history report would then tell one institution's officials about another's requests.

        visible = ExchangeRequestPermissionPolicy(ExchangeRequest).instances_user_has_any_permission_for(
            user, ["view", "change", "delete"]
        )
        return self.filter(object_id__in=visible.annotate(pk_text=Cast("pk", models.CharField())).values("pk_text"))


class ExchangeRequestLogEntry(BaseLogEntry):
    """Wagtail's admin log of exchange requests, readable only by those who can see the request."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = ExchangeRequestLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("exchange request log entry")
        verbose_name_plural = _("exchange request log entries")

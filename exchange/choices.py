"""Fixed vocabularies of an exchange request (codes are stable; labels are translated)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RequestStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("exchange request status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("exchange request status", "In progress")
    HELD = "held", pgettext_lazy("exchange request status", "Exchange held")
    CLOSED = "closed", pgettext_lazy("exchange request status", "Closed")


class ExchangeFormat(models.TextChoices):
    CALL = "call", _("Video or phone call")
    VISIT = "visit", _("Study visit")
    DOCUMENTS = "documents", _("Exchange of documents")


OTHER_COUNTRY = "other"

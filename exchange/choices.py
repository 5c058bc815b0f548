"""Fixed vocabularies of an exchange request (codes are stable; labels are translated)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    HELD = "held", _("Exchange held")
    CLOSED = "closed", _("Closed")


class ExchangeFormat(models.TextChoices):
    CALL = "call", _("Video or phone call")
    VISIT = "visit", _("Study visit")
    DOCUMENTS = "documents", _("Exchange of documents")


OTHER_COUNTRY = "other"

"""Index writes the search engine refused, kept until it takes them (see indexing/queue.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexQueueEntry(models.Model):
    """One object whose index entry is out of date: one row per object, however often it failed.

    The action records what was attempted last; the retry looks at the object as it is now
    (indexed if it exists and is indexable, removed from the index otherwise).
    """

    class Action(models.TextChoices):
        INDEX = "index", _("index")
        DELETE = "delete", _("remove from the index")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    # A string, as modelsearch passes primary keys around: any model can be queued.
    object_id = models.CharField(_("object id"), max_length=64)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    attempts = models.PositiveIntegerField(_("retries"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("first failure"))
    updated_at = models.DateTimeField(_("last change"))

    class Meta:
        verbose_name = _("change waiting to be indexed")
        verbose_name_plural = _("changes waiting to be indexed")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_index_queue_entry_per_object")
        ]
        indexes = [models.Index(fields=["created_at"], name="index_queue_oldest_first")]
        # Nobody edits the queue; the secretariat reads the index health page.
        default_permissions = ()
        permissions = [("view_index_health", _("Can see the search index health page"))]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.action}"

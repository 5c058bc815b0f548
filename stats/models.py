"""How often each practice page is read: one number per page and day, nothing about the reader.

No IP address, cookie, user id or user agent is stored, and none is kept in memory either:
the counter (stats/counter.py) only adds one to the page's number for today.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeView(models.Model):
    """The views of one practice page (in one language tree) on one day. Written in batches."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("practice page"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"), db_index=True)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("practice page views")
        verbose_name_plural = _("practice page views")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="unique_practice_view_per_day")]
        # Nobody edits the counts; the only right is to read the dashboard.
        default_permissions = ()
        permissions = [("view_statistics", _("Can see the statistics dashboard"))]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"

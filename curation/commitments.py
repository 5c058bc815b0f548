"""The commitments of a joint roadmap (snippets the secretariat keeps), each linked to practices.

Apart from the page models (models.py re-exports them) so that the roadmap's filters
(roadmap.py), which the roadmap page uses, depend on them and not on the page.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from core.languages import per_language_panels, per_language_search_fields
from practices.taxonomy import Country, Mechanism


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")


class Commitment(ClusterableModel, index.Indexed):
    """One commitment of a joint roadmap: who does what, by when, for which mechanism and country."""

    year = models.PositiveSmallIntegerField(
        _("roadmap year"), default=2026, help_text=_("The roadmap this commitment belongs to, e.g. 2026.")
    )
    mechanism = models.ForeignKey(
        Mechanism,
        verbose_name=_("mechanism"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
        help_text=_("Leave empty for a joint commitment of all the mechanisms."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
        help_text=_("Leave empty for a regional commitment."),
    )
    action_es = models.TextField(_("action (Spanish)"), help_text=_("What will be done, in one or two sentences."))
    action_en = models.TextField(_("action (English)"), blank=True, help_text=_("Spanish is shown if empty."))
    action_pt = models.TextField(_("action (Portuguese)"), blank=True, help_text=_("Spanish is shown if empty."))
    responsible = models.CharField(
        _("responsible"),
        max_length=255,
        help_text=_("The institutions or secretariats in charge, by their own names."),
    )
    target_date = models.DateField(_("target date"))
    status = models.CharField(
        _("status"), max_length=20, choices=CommitmentStatus.choices, default=CommitmentStatus.PLANNED
    )
    is_demo = models.BooleanField(
        _("demonstration content"),
        default=False,
        help_text=_("Marks an example commitment that was not agreed by the states; visitors are told."),
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("target_date"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("mechanism"), FieldPanel("country")]),
        MultiFieldPanel(per_language_panels("action"), heading=_("Action")),
        FieldPanel("responsible"),
        InlinePanel("practice_links", heading=_("Linked practices"), label=_("Practice")),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *per_language_search_fields("action"),
        index.SearchField("responsible"),
        index.FilterField("year"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["year", "target_date", "pk"]
        verbose_name = _("roadmap commitment")
        verbose_name_plural = _("roadmap commitments")

    def __str__(self):
        return self.action_es[:80]

    def action(self, language: str | None = None) -> str:
        """The action in the active language, else in Spanish."""
        language = (language or get_language() or "es")[:2]
        return getattr(self, f"action_{language}", "") or self.action_es


class CommitmentPractice(Orderable):
    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="practice_links")
    practice = models.ForeignKey(
        "practices.PracticePage", verbose_name=_("practice"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("linked practice")
        verbose_name_plural = _("linked practices")

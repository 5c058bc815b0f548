"""Regional meetings of the CONAREs: dates, place, objectives, agenda, documents, related practices."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from practices.blocks import TEXT_FEATURES
from practices.mixins import OriginalLanguageMixin
from practices.models import PracticePage
from practices.taxonomy import Mechanism


class AgendaItemBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("Day"), required=False)
    time = blocks.CharBlock(label=_("Time"), required=False, max_length=40, help_text=_("e.g. 09:00–10:30"))
    title = blocks.CharBlock(label=_("Session"), max_length=255)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class MeetingIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["meetings.MeetingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("meetings index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["meetings"] = MeetingPage.objects.child_of(self).live().order_by("-start_date")
        return context


class MeetingPage(OriginalLanguageMixin, Page):
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, help_text=_('City and country, or "virtual".'))
    mechanisms = ParentalManyToManyField(Mechanism, verbose_name=_("mechanisms"), related_name="meetings", blank=True)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    objectives = RichTextField(_("objectives"), blank=True, features=TEXT_FEATURES)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("place"),
        FieldPanel("mechanisms", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("agenda"),
        FieldPanel("original_language"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        InlinePanel("related_practices", heading=_("Related practices"), label=_("Practice")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("place"),
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("start_date"),
    ]
    override_translatable_fields = [SynchronizedField("mechanisms")]
    parent_page_types = ["meetings.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The meeting cannot end before it starts.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = list(self.documents.select_related("document"))
        practice_ids = [link.practice_id for link in self.related_practices.all()]
        # Show each linked practice in the visitor's language tree when it exists there.
        originals = PracticePage.objects.filter(pk__in=practice_ids).values_list("translation_key", flat=True)
        context["practices"] = list(
            PracticePage.objects.live()
            .public()
            .filter(translation_key__in=list(originals), locale_id=self.locale_id)
            .for_listing()
        )
        context["mechanism_list"] = list(self.mechanisms.all())
        return context


class MeetingDocument(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]


class MeetingRelatedPractice(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="related_practices")
    practice = models.ForeignKey(
        "practices.PracticePage", verbose_name=_("practice"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("practice")]

"""The home page: what the site is for, search, counts, latest practices and a featured slot."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from practices.blocks import TEXT_FEATURES


class HomePage(Page):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Two sentences on what the site is for, shown under the title."),
    )
    featured_heading = models.CharField(
        _("featured selection heading"),
        max_length=255,
        blank=True,
        help_text=_("Heading of the featured selection of practices, when one is placed on the home page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("featured_heading")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["practices.PracticeIndexPage", "meetings.MeetingIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from practices.queries import home_counts, latest_practices

        context = super().get_context(request, *args, **kwargs)
        context["counts"] = home_counts(locale=self.locale)
        context["latest_practices"] = latest_practices(locale=self.locale, limit=6)
        return context

"""The home page: what the site is for, search, counts, latest practices and a featured slot."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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
    featured_selection = models.ForeignKey(
        "curation.FeaturedSelectionPage",
        verbose_name=_("featured selection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Chosen on the Spanish home page; the English and Portuguese home pages show the same "
            "selection in their language."
        ),
    )
    featured_heading = models.CharField(
        _("featured selection heading"),
        max_length=255,
        blank=True,
        help_text=_('Short label above the selection\'s title; "Featured selection" if empty.'),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("featured_selection"), FieldPanel("featured_heading")], heading=_("Featured")),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "practices.PracticeIndexPage",
        "meetings.MeetingIndexPage",
        "curation.TopicIndexPage",
        "curation.FeaturedSelectionIndexPage",
        "curation.RoadmapPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from practices.queries import home_counts, latest_practices

        context = super().get_context(request, *args, **kwargs)
        context["counts"] = home_counts(locale=self.locale)
        context["latest_practices"] = latest_practices(locale=self.locale, limit=6)
        context["featured"] = self.featured()
        context["explore_pages"] = self.explore_pages()
        return context

    def explore_pages(self) -> list[Page]:
        """Topics, featured selections and the roadmap: the curated ways into the repository."""
        from curation.models import FeaturedSelectionIndexPage, RoadmapPage, TopicIndexPage

        pages = self.get_children().live().public().type(TopicIndexPage, FeaturedSelectionIndexPage, RoadmapPage)
        return list(pages.order_by("path"))

    def featured(self):
        """The selection chosen on the Spanish home page, as published in this page's language tree,
        with its public practices; None when none is chosen or it is not published here."""
        from curation.models import FeaturedSelectionPage, selections_with_practices

        source = self if self.locale.language_code == settings.LANGUAGE_CODE else self.get_default_locale_home()
        if source is None or source.featured_selection_id is None:
            return None
        chosen = FeaturedSelectionPage.objects.filter(pk=source.featured_selection_id).values("translation_key")
        selections = (
            FeaturedSelectionPage.objects.live().public().filter(translation_key__in=chosen, locale_id=self.locale_id)
        )
        found = selections_with_practices(selections)
        return found[0] if found else None

    def get_default_locale_home(self):
        return (
            HomePage.objects.filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .only("pk", "featured_selection_id")
            .first()
        )

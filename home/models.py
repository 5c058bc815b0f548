"""The home page: what the site is for, search, counts, latest practices and a featured slot."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from curation.models import (
    FeaturedPractice,
    FeaturedSelectionIndexPage,
    FeaturedSelectionPage,
    RoadmapPage,
    TopicIndexPage,
)
from practices.blocks import TEXT_FEATURES
from practices.models import PracticePage
from practices.queries import home_counts
from practices.taxonomy import TaggedTopic
from search.facets import FACETS_BY_KEY

from .map import build_map, country_names, practice_counts_by_country


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

    def get_admin_display_title(self):
        """The root of each language tree says, wherever the admin names it (explorer, breadcrumbs,
        choosers), which language it is and that originals are written only in the Spanish one."""
        language = self.locale.get_display_name()
        if self.locale.language_code == settings.LANGUAGE_CODE:
            purpose = _("%(language)s — originals (write here, in any language)")
        else:
            purpose = _("%(language)s — translations only")
        return f"{super().get_admin_display_title()} · {purpose % {'language': language}}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["counts"] = home_counts(locale=self.locale)
        # Both lists of practice cards share one read of the view restrictions and one of the topics.
        private = PracticePage.objects.all().private_q()
        published = (
            PracticePage.objects.live()
            .filter(locale_id=self.locale_id)
            .exclude(private)
            .select_related("institution", "country", "locale")
        )
        latest = list(published.order_by("-first_published_at", "-pk")[:6])
        featured = self.featured(published=published, private=private)
        prefetch_related_objects(
            latest + (featured[1] if featured else []),
            Prefetch("tagged_topics", queryset=TaggedTopic.objects.select_related("tag")),
        )
        context["latest_practices"] = latest
        context["featured"] = featured
        context["explore_pages"] = self.explore_pages()
        context["country_map"] = self.country_map(published)
        return context

    def country_map(self, published):
        """The 17 member states shaded by their published practices, leading into the search (one query)."""
        search_url = reverse("search")
        return build_map(
            counts=practice_counts_by_country(published),
            names=country_names(self.locale),
            link=lambda code: f"{search_url}?{FACETS_BY_KEY['country'].to_query([code])}",
        )

    def explore_pages(self) -> list[Page]:
        """Topics, featured selections and the roadmap: the curated ways into the repository."""
        # Not .public(): these index pages are never restricted, and it would cost a query.
        pages = self.get_children().live().type(TopicIndexPage, FeaturedSelectionIndexPage, RoadmapPage)
        return list(pages.order_by("path"))

    def featured(self, *, published, private):
        """The selection chosen on the Spanish home page, as published in this page's language tree,
        and its published practices in the chosen order (two queries); None when none is chosen or
        it is not published in this language."""
        chosen = HomePage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).values("featured_selection__translation_key")
        selection = (
            FeaturedSelectionPage.objects.live()
            .exclude(private)
            .filter(translation_key__in=chosen, locale_id=self.locale_id)
            .first()
        )
        if selection is None:
            return None
        items = FeaturedPractice.objects.filter(page_id=selection.pk)
        position = items.filter(practice__translation_key=OuterRef("translation_key")).values("sort_order")[:1]
        practices = (
            published.filter(translation_key__in=items.values("practice__translation_key"))
            .annotate(position=Subquery(position))
            .order_by("position", "pk")
        )
        return selection, list(practices)

"""What the secretariat curates: featured selections, the topic pages and the joint roadmap.

Featured selections and the roadmap are pages, so they live in the three language trees and are
translated with wagtail-localize like every other page. The roadmap's commitments are a snippet
with their text side by side in three languages: their status, date and links must be the same
in every language the moment the secretariat changes them, without a translation sync.
"""

from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from practices.blocks import TEXT_FEATURES
from practices.taxonomy import Topic

# The roadmap's commitments are models of this app too; Django finds them through this module.
from .commitments import Commitment, CommitmentPractice, CommitmentStatus  # noqa: F401
from .queries import (
    latest_practices_with_topic,
    ordered_practices,
    practices_in_locale,
    topic_counts,
    with_practice_keys,
)
from .roadmap import roadmap_context

LATEST_PER_TOPIC = 6


# ---------------------------------------------------------------------------------------------
# Featured selections
# ---------------------------------------------------------------------------------------------


class FeaturedSelectionIndexPage(Page):
    """The list of the secretariat's featured selections: one per language tree."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["curation.FeaturedSelectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("featured selections index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["selections"] = list(
            FeaturedSelectionPage.objects.child_of(self).live().public().select_related("topic").order_by("title")
        )
        return context


class FeaturedSelectionPage(Page):
    """An ordered list of practices chosen by the secretariat, with a title and an introduction."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Why these practices belong together: one or two short paragraphs."),
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="featured_selections",
        help_text=_("Optional. The selection is also shown on this topic's page."),
    )
    is_demo = models.BooleanField(
        _("demonstration content"),
        default=False,
        help_text=_("Marks example content; the page says so to visitors."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("topic"),
        InlinePanel(
            "items",
            heading=_("Practices"),
            label=_("Practice"),
            help_text=_("In the order visitors see them. Drafts and unpublished practices are never shown."),
        ),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("is_demo")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["curation.FeaturedSelectionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("featured selection")
        verbose_name_plural = _("featured selections")

    def practice_keys(self) -> list:
        """Translation keys of the chosen practices, in order (items prefetched with their keys)."""
        items = self.items.all()
        if not all(hasattr(item, "practice_key") for item in items):
            items = with_practice_keys(FeaturedPractice.objects.filter(page=self))
        return [item.practice_key for item in items]

    def public_practices(self) -> list:
        """The chosen practices published in this page's language tree, in the chosen order."""
        keys = self.practice_keys()
        return ordered_practices(keys, practices_in_locale(keys, locale=self.locale))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["practices"] = self.public_practices()
        return context


class FeaturedPractice(Orderable):
    page = ParentalKey(FeaturedSelectionPage, on_delete=models.CASCADE, related_name="items")
    practice = models.ForeignKey(
        "practices.PracticePage", verbose_name=_("practice"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured practice")
        verbose_name_plural = _("featured practices")


def selections_with_practices(selections, *, locale) -> list[tuple[FeaturedSelectionPage, list]]:
    """Each selection with its public practices (in `locale`'s tree), for any number of selections
    in a fixed number of queries."""
    items = with_practice_keys(FeaturedPractice.objects.all())
    selections = list(selections.prefetch_related(Prefetch("items", queryset=items)))
    if not selections:
        return []
    keys = [key for selection in selections for key in selection.practice_keys()]
    found = practices_in_locale(keys, locale=locale)
    return [(selection, ordered_practices(selection.practice_keys(), found)) for selection in selections]


# ---------------------------------------------------------------------------------------------
# Topic pages
# ---------------------------------------------------------------------------------------------


class TopicIndexPage(RoutablePageMixin, Page):
    """Lists the topics of the vocabulary and serves one page per topic at `<index>/<topic slug>/`.

    Topic pages are routes rather than pages in the tree, so a topic the secretariat adds under
    Reference data has its page in the three languages at once, with nothing else to create.
    """

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topics index")

    @path("")
    def topic_list(self, request):
        counts = topic_counts(locale=self.locale)
        topics = [(topic, counts.get(topic.pk, 0)) for topic in Topic.objects.all()]
        return self.render(request, context_overrides={"topics": topics})

    @re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/$")
    def topic_detail(self, request, slug):
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            raise Http404
        selections = (
            FeaturedSelectionPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, topic=topic)
            .order_by("title")
        )
        context = {
            "topic": topic,
            "practice_count": topic_counts(locale=self.locale).get(topic.pk, 0),
            "latest_practices": latest_practices_with_topic(topic, locale=self.locale, limit=LATEST_PER_TOPIC),
            "selections": selections_with_practices(selections, locale=self.locale),
            "language_urls": self.topic_urls_by_language(topic, request),
        }
        return self.render(request, context_overrides=context, template="curation/topic_page.html")

    def topic_url(self, topic: Topic, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("topic_detail", kwargs={"slug": topic.slug})

    def topic_urls_by_language(self, topic: Topic, request) -> dict[str, str]:
        """The same topic's page in each language, for the language switcher."""
        route = self.reverse_subpage("topic_detail", kwargs={"slug": topic.slug})
        translations = self.get_translations(inclusive=True).live().select_related("locale")
        return {page.locale.language_code[:2]: page.get_url(request) + route for page in translations}


# ---------------------------------------------------------------------------------------------
# The joint roadmap (its commitments: commitments.py)
# ---------------------------------------------------------------------------------------------


class RoadmapPage(Page):
    """A joint roadmap: its commitments, filterable by mechanism, country and status in the URL."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)
    year = models.PositiveSmallIntegerField(
        _("roadmap year"),
        default=2026,
        help_text=_("Shows the commitments of this year, kept under Roadmap commitments in the admin."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("year")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("joint roadmap")
        verbose_name_plural = _("joint roadmaps")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(roadmap_context(self, request))
        return context

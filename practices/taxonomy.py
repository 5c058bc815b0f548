"""Reference vocabularies: mechanisms, countries, procedure stages, topics and keywords.

They are kept by the secretariat in the admin (snippets). Names are stored in the three
site languages side by side, because these are short fixed labels that every page shows
in the visitor's language; a translation workflow for them would be overkill.
"""

from django import forms
from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.languages import per_language_panels, per_language_search_fields

from .choices import IndicatorDirection, IndicatorMeasure, IndicatorUnit


class LocalizedNameMixin(models.Model):
    """Three names and a `name` that follows the active language (Spanish as fallback)."""

    name_es = models.CharField(_("name (Spanish)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    name_pt = models.CharField(_("name (Portuguese)"), max_length=255, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.localized_name()

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "es")[:2]
        return getattr(self, f"name_{language}", "") or self.name_es


class Mechanism(LocalizedNameMixin, index.Indexed):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    secretariat = models.CharField(
        _("technical secretariat"),
        max_length=255,
        blank=True,
        help_text=_("Organisations that act as the mechanism's technical secretariat."),
    )
    notes = models.TextField(_("notes"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        *per_language_panels("name"),
        FieldPanel("slug"),
        FieldPanel("secretariat"),
        FieldPanel("notes"),
        FieldPanel("sort_order"),
    ]
    search_fields = per_language_search_fields("name")

    class Meta:
        ordering = ["sort_order", "name_es"]
        verbose_name = _("regional mechanism")
        verbose_name_plural = _("regional mechanisms")


class Country(LocalizedNameMixin, index.Indexed):
    iso2 = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code, in capitals (e.g. AR)."),
    )
    mechanisms = models.ManyToManyField(
        Mechanism,
        verbose_name=_("mechanisms"),
        related_name="countries",
        blank=True,
        help_text=_("Regional mechanisms of which the state is a member."),
    )

    panels = [
        FieldPanel("iso2"),
        *per_language_panels("name"),
        FieldPanel("mechanisms", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = per_language_search_fields("name")

    class Meta:
        ordering = ["name_es"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def save(self, *args, **kwargs):
        self.iso2 = self.iso2.upper()
        super().save(*args, **kwargs)

    @classmethod
    def name_of(cls, country_id: int | None, language: str | None = None) -> str:
        """A country's name in the active language without a query: every admin listing of
        institutions names the country on each row. Dropped when a country is saved (signals.py)."""
        name_es, name_en, name_pt, _iso2 = cls._cached_table().get(country_id, ("", "", "", ""))
        return cls(name_es=name_es, name_en=name_en, name_pt=name_pt).localized_name(language)

    @classmethod
    def iso2_of(cls, country_id: int | None) -> str:
        """A country's ISO code without a query (the editor's new-practice form reads it)."""
        return cls._cached_table().get(country_id, ("", "", "", ""))[3]

    @classmethod
    def _cached_table(cls) -> dict:
        table = cache.get(COUNTRY_NAMES_CACHE_KEY)
        if table is None:
            table = {c.pk: (c.name_es, c.name_en, c.name_pt, c.iso2) for c in cls.objects.all()}
            cache.set(COUNTRY_NAMES_CACHE_KEY, table, 60 * 60)
        return table


COUNTRY_NAMES_CACHE_KEY = "practices:country-table"


class ProcedureStage(LocalizedNameMixin, index.Indexed):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        *per_language_panels("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = per_language_search_fields("name")

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("procedure stage")
        verbose_name_plural = _("procedure stages")


class IndicatorType(LocalizedNameMixin):
    """A shared indicator (pending applications, days to a first-instance decision…), so that the
    numbers of different institutions line up in a comparison and on the indicator's own page
    whatever label each one typed. Edited by the secretariat; seeded by the migration
    `0011_seed_indicator_types_and_period_dates` from `data/indicator_types.csv`."""

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in addresses (/es/indicadores/<slug>/), the import files and the API. Do not change it."),
    )
    unit = models.CharField(
        _("canonical unit"),
        max_length=30,
        choices=IndicatorUnit.choices,
        help_text=_("Every practice's figures for this indicator are shown in this unit."),
    )
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=IndicatorDirection.choices,
        help_text=_("Whether a fall (a backlog, a waiting time) or a rise (a rate, people trained) is an improvement."),
    )
    measures = models.CharField(
        _("what the figure is"),
        max_length=10,
        choices=IndicatorMeasure.choices,
        default=IndicatorMeasure.LEVEL,
        help_text=_(
            "A total over the period is also shown per month or per year when compared practices measured "
            "periods of different lengths."
        ),
    )
    description_es = models.TextField(_("description (Spanish)"), blank=True, help_text=_("What to count, and how."))
    description_en = models.TextField(_("description (English)"), blank=True)
    description_pt = models.TextField(_("description (Portuguese)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        *per_language_panels("name"),
        FieldPanel("slug"),
        FieldPanel("unit"),
        FieldPanel("direction"),
        FieldPanel("measures"),
        *per_language_panels("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name_es"]
        verbose_name = _("indicator type")
        verbose_name_plural = _("indicator types")

    @property
    def lower_is_better(self) -> bool:
        return self.direction == IndicatorDirection.LOWER

    def localized_description(self, language: str | None = None) -> str:
        language = (language or get_language() or "es")[:2]
        return getattr(self, f"description_{language}", "") or self.description_es

    @classmethod
    def slug_of(cls, type_id: int | None) -> str | None:
        """A type's slug without a query: the API and the exports name the type of every row.
        Dropped when a type is saved or deleted (signals.py)."""
        if type_id is None:
            return None
        table = cache.get(INDICATOR_TYPES_CACHE_KEY)
        if table is None:
            table = dict(cls.objects.values_list("pk", "slug"))
            cache.set(INDICATOR_TYPES_CACHE_KEY, table, 60 * 60)
        return table.get(type_id)


INDICATOR_TYPES_CACHE_KEY = "practices:indicator-type-slugs"


class Topic(TagBase):
    """The controlled topic vocabulary. `name` is the Spanish name; only the secretariat adds topics."""

    # Read by Wagtail's tag field: officials can pick existing topics but never create one.
    free_tagging = False

    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_pt = models.CharField(_("name (Portuguese)"), max_length=100, blank=True)
    description = models.TextField(
        _("description (Spanish)"), blank=True, help_text=_("What the topic covers, shown on its topic page.")
    )
    description_en = models.TextField(
        _("description (English)"), blank=True, help_text=_("Shown on the English topic page; Spanish if empty.")
    )
    description_pt = models.TextField(
        _("description (Portuguese)"),
        blank=True,
        help_text=_("Shown on the Portuguese topic page; Spanish if empty."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name", heading=_("name (Spanish)")),
        FieldPanel("name_en"),
        FieldPanel("name_pt"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("description_pt"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def name_es(self) -> str:
        return self.name

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "es")[:2]
        return {"en": self.name_en, "pt": self.name_pt}.get(language) or self.name

    def localized_description(self, language: str | None = None) -> str:
        language = (language or get_language() or "es")[:2]
        return {"en": self.description_en, "pt": self.description_pt}.get(language) or self.description

    def __str__(self):
        return self.localized_name()


class TaggedTopic(TaggedItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_practices")
    content_object = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_topics")


class Keyword(TagBase):
    """Free keywords that officials add as they like."""

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")


class TaggedKeyword(TaggedItemBase):
    tag = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="tagged_practices")
    content_object = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_keywords")

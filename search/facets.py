"""The one list of facets: URL/API key, label, what it filters on, and how its values are named.

A facet's stored value is what the engines group by (a primary key or a code); its `code`
is what URLs and the JSON API show (ISO code, slug or choice value).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from practices.choices import ContentLanguage, PracticeKind, PracticeStatus
from practices.models import InstitutionPage
from practices.taxonomy import Country, Mechanism, ProcedureStage, Topic


@dataclass(frozen=True)
class Option:
    value: object  # what the engine stores and groups by
    code: str  # what the URL and the API say
    label: str


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    orm_paths: tuple[str, ...]  # database engine: a practice matches if any path holds a selected value
    index_field: str  # Elasticsearch: the FilterField holding the value(s)
    load_options: Callable[[Locale], list[Option]]
    # What the engines store and group by: a primary key (int) or a code (str). Counts come back
    # from the engines as text and are read back with it.
    value_type: type = int

    def stored(self, raw: str):
        """A value as an engine returned it (text, in a facet count) as the facet stores it."""
        return self.value_type(raw)

    def encode(self, codes) -> list[str]:
        """The facet's codes as its URL parameter carries them: one value each, sorted, so that the
        same selection is always the same URL (alerts store it as the subscription's identity)."""
        return sorted(codes)

    def to_query(self, codes) -> str:
        """A URL's query string selecting these codes of this facet alone (map, suggestions, feeds)."""
        return urlencode({self.key: self.encode(codes)}, doseq=True)

    def options(self, locale: Locale) -> list[Option]:
        """The facet's values with labels in the active language, cached: every search page shows them all."""
        key = f"search-options:{options_version()}:{self.key}:{locale.language_code}:{get_language()}"
        options = cache.get(key)
        if options is None:
            options = self.load_options(locale)
            cache.set(key, options, OPTIONS_CACHE_SECONDS)
        return options


# Vocabularies change rarely; a save bumps the version (search/signals.py) and, where several
# processes share no cache, the entries expire after a minute anyway.
OPTIONS_CACHE_SECONDS = 60
OPTIONS_VERSION_KEY = "search-options:version"


def options_version() -> int:
    return cache.get_or_set(OPTIONS_VERSION_KEY, 1, None)


def invalidate_options() -> None:
    try:
        cache.incr(OPTIONS_VERSION_KEY)
    except ValueError:
        cache.set(OPTIONS_VERSION_KEY, 2, None)


def _countries(locale):
    return sorted(
        (Option(c.pk, c.iso2, c.localized_name()) for c in Country.objects.all()), key=lambda o: o.label.casefold()
    )


def _institutions(locale):
    pages = InstitutionPage.objects.live().filter(locale=locale)
    return sorted((Option(p.pk, p.slug, p.display_name) for p in pages), key=lambda o: o.label.casefold())


def _mechanisms(locale):
    return [Option(m.pk, m.slug, m.localized_name()) for m in Mechanism.objects.all()]


def _topics(locale):
    return sorted(
        (Option(t.pk, t.slug, t.localized_name()) for t in Topic.objects.all()), key=lambda o: o.label.casefold()
    )


def _stages(locale):
    return [Option(s.pk, s.slug, s.localized_name()) for s in ProcedureStage.objects.all()]


def _choices(choices):
    def load(locale):
        return [Option(value, value, str(label)) for value, label in choices]

    return load


FACETS: tuple[Facet, ...] = (
    Facet("country", _("Country"), ("country_id", "partners"), "country_ids", _countries),
    Facet("institution", _("Institution"), ("institution_id",), "institution_id", _institutions),
    Facet("mechanism", _("Mechanism"), ("mechanisms",), "mechanism_ids", _mechanisms),
    Facet("topic", _("Topic"), ("tagged_topics__tag_id",), "topic_ids", _topics),
    Facet("stage", _("Procedure stage"), ("stages",), "stage_ids", _stages),
    Facet("kind", _("Kind"), ("kind",), "kind", _choices(PracticeKind.choices), str),
    Facet("status", _("Status"), ("status",), "status", _choices(PracticeStatus.choices), str),
    Facet(
        "language",
        _("Original language"),
        ("original_language",),
        "original_language",
        _choices(ContentLanguage.choices),
        str,
    ),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}

"""The three languages the site is written in, and the fields a vocabulary keeps once per language.

A vocabulary (topics, countries, indicator types, roadmap actions…) stores a name in each language
as `name_es`, `name_en`, `name_pt`: these helpers list those fields once, in the order the
secretariat fills them (Spanish first: it is the fallback wherever a translation is missing).
"""

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

SITE_LANGUAGES = ("es", "en", "pt")


def per_language(field: str) -> list[str]:
    """`name` -> ["name_es", "name_en", "name_pt"]."""
    return [f"{field}_{language}" for language in SITE_LANGUAGES]


def per_language_panels(field: str) -> list[FieldPanel]:
    return [FieldPanel(name) for name in per_language(field)]


def per_language_search_fields(field: str) -> list[index.SearchField]:
    return [index.SearchField(name) for name in per_language(field)]

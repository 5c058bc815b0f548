"""Which URL is canonical for each page, and which language versions it has (hreflang).

Every page exists in the three language trees, but an untranslated alias in /en/ or /pt/ shows
the original's text under a translated interface: to a search engine it is a duplicate, not a
language version. So the language of a version is the language of its *text*
(`content_language`), and for each text language one URL is canonical:

1. the page in the tree of that language (`/pt/` for a Brazilian original written in
   Portuguese, `/en/` for a real English translation), else
2. the original in the Spanish tree.

Every other page of the group (the untranslated aliases) points its canonical link there and is
left out of the sitemap. hreflang alternates list one canonical URL per text language, and
x-default the original text's.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from wagtail.models import Page

from practices.mixins import OriginalLanguageMixin

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


@dataclass
class Version:
    page: Page
    url: str
    language: str  # the language of the text the URL shows
    canonical_url: str = ""
    canonical_page: Page | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, url), x-default last

    @property
    def is_canonical(self) -> bool:
        return self.url == self.canonical_url

    @property
    def lastmod(self) -> datetime | None:
        return self.page.last_published_at


def versions_by_page(pages, *, request=None) -> dict[int, Version]:
    """Canonical URL and alternates of every page in `pages` (base `Page` objects with their locale).

    `pages` should hold whole translation groups (all live public pages sharing a
    `translation_key`); the cost is two queries plus one per page type that records an
    original language, however many pages there are.
    """
    pages = [page for page in pages if page.depth > 1]
    written_in = _original_languages(pages)
    groups: dict = defaultdict(list)
    for page in pages:
        groups[page.translation_key].append(page)
    versions: dict[int, Version] = {}
    for group in groups.values():
        versions.update(_group_versions(group, written_in, request))
    return versions


def version_of(page: Page, *, request=None) -> Version | None:
    """The version record of one page, from its live public translation group."""
    group = Page.objects.live().public().filter(translation_key=page.translation_key).select_related("locale")
    return versions_by_page(list(group), request=request).get(page.pk)


def _language(page: Page) -> str:
    return page.locale.language_code[:2]


def _original_languages(pages) -> dict[int, str]:
    """`original_language` of the pages whose type records it, one query per such type."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[page.content_type_id].append(page.pk)
    languages = {}
    for content_type_id, pks in by_type.items():
        model = _model_for(content_type_id)
        if model is not None and issubclass(model, OriginalLanguageMixin):
            languages.update(model.objects.filter(pk__in=pks).values_list("pk", "original_language"))
    return languages


def _model_for(content_type_id):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_id(content_type_id).model_class()


def _content_language(page: Page, written_in: dict[int, str], group_by_pk: dict[int, Page]) -> str:
    # Mirrors OriginalLanguageMixin.content_language without loading the specific page.
    if page.alias_of_id is None and _language(page) != settings.LANGUAGE_CODE:
        return _language(page)  # a real translation
    if page.pk in written_in:
        return written_in[page.pk]
    source = group_by_pk.get(page.alias_of_id) if page.alias_of_id else None
    return _language(source) if source is not None else _language(page)


def _preference(page: Page, language: str) -> tuple:
    """Lower is better as the canonical URL of `language`'s text."""
    return (
        _language(page) != language,  # the tree of the text's language
        page.alias_of_id is not None,  # else the original rather than an alias
        LANGUAGE_ORDER.index(_language(page)) if _language(page) in LANGUAGE_ORDER else len(LANGUAGE_ORDER),
        page.pk,
    )


def _group_versions(group, written_in, request) -> dict[int, Version]:
    by_pk = {page.pk: page for page in group}
    versions = {}
    for page in group:
        url = page.get_full_url(request)
        if url:
            versions[page.pk] = Version(page=page, url=url, language=_content_language(page, written_in, by_pk))
    if not versions:
        return {}
    canonical: dict[str, Version] = {}
    for version in versions.values():
        best = canonical.get(version.language)
        if best is None or _preference(version.page, version.language) < _preference(best.page, best.language):
            canonical[version.language] = version
    ordered = sorted(canonical, key=lambda code: LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else 99)
    original = next((v for v in versions.values() if v.page.alias_of_id is None and v.page.locale.is_default), None)
    default_text = original.language if original is not None else ordered[0]
    alternates = [(code, canonical[code].url) for code in ordered]
    alternates.append(("x-default", canonical[default_text].url))
    for version in versions.values():
        version.canonical_url = canonical[version.language].url
        version.canonical_page = canonical[version.language].page
        version.alternates = alternates
    return versions

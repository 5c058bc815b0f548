"""The single source of every practice search: the HTML page, the JSON API and (later) autocomplete."""

import re
from dataclasses import dataclass, field
from math import ceil

from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200
UNSAFE_CHARACTERS = re.compile(r'["\x00-\x1f\x7f]')


def clean_query(raw: str) -> str:
    """Cut very long queries before they reach the engine, collapse white space, drop control characters.

    Double quotes go too: an unbalanced one breaks SQLite's full-text syntax, and phrase search is
    not offered.
    """
    return " ".join(UNSAFE_CHARACTERS.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 4]).split())[:MAX_QUERY_LENGTH]


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchPage:
    results: list
    count: int
    page: int
    page_count: int
    facets: dict[str, list[FacetValue]]
    messages: list[str]
    degraded: bool = False
    promotions: list = field(default_factory=list)
    spelling: str | None = None
    filters_to_drop: list = field(default_factory=list)  # (facet key, label, code) of active filters


def search_practices(parameters) -> SearchPage:
    from .engine import run_search

    request = parameters.request
    outcome = run_search(request)
    page_count = max(1, ceil(outcome.count / parameters.page_size))
    page = parameters.page
    if page > page_count:
        parameters.messages.append(
            _("Page %(page)s does not exist; showing page %(last)s.") % {"page": page, "last": page_count}
        )
        page = page_count
        request.offset = (page - 1) * parameters.page_size
        outcome = run_search(request) if outcome.count else outcome
    facets = {}
    for key, options in parameters.options.items():
        selected = set(parameters.codes.get(key, []))
        counts = outcome.facets.get(key, {})
        facets[key] = [
            FacetValue(option.code, option.label, counts.get(option.value, 0), option.code in selected)
            for option in options
        ]
    from .log import record_search
    from .suggestions import near_spelling, promoted

    record_search(query=request.query, language=request.locale.language_code, count=outcome.count)
    result = SearchPage(
        results=outcome.results,
        count=outcome.count,
        page=page,
        page_count=page_count,
        facets=facets,
        messages=parameters.messages,
        degraded=outcome.degraded,
        promotions=promoted(request.query, request.locale),
    )
    if outcome.count == 0:
        result.spelling = near_spelling(request.query) if request.query else None
        result.filters_to_drop = [
            (key, value.label, value.code) for key, values in facets.items() for value in values if value.selected
        ]
    return result


AUTOCOMPLETE_LIMIT = 8


def suggest_practices(*, query: str, locale, limit: int = AUTOCOMPLETE_LIMIT) -> list:
    """Titles that begin like what the visitor is typing ("Méx" -> "… México …"), in their language tree."""
    from wagtail.search.backends import get_search_backend

    from practices.queries import published_practices

    query = clean_query(query)
    if len(query) < 2:
        return []
    from .engine import ENGINE_ERRORS, breaker, fallback_backend

    practices = published_practices(locale=locale).select_related("country", "locale")
    backend = get_search_backend()
    if backend.__module__.startswith("search.backends.elasticsearch") and breaker.is_open():
        backend = fallback_backend()
    try:
        return list(backend.autocomplete(query, practices)[:limit])
    except ENGINE_ERRORS:
        breaker.trip()
        return list(fallback_backend().autocomplete(query, practices)[:limit])

"""The single source of every practice search: the HTML page, the JSON API and (later) autocomplete."""

import re
from dataclasses import dataclass, field, replace
from math import ceil

from django.utils.translation import gettext as _

from practices.queries import published_practices

from .backends.analysis import WORD, fold
from .engine import autocomplete, run_search
from .facets import FACETS_BY_KEY
from .log import record_search
from .suggestions import near_spelling, promoted
from .thesaurus import synonym_groups

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
    spelling: str | None = None  # "Did you mean…", only when that spelling finds practices
    corrected_to: str | None = None  # the query actually shown when the typed one matched no word
    filters_to_drop: list = field(default_factory=list)  # (facet key, label, code) of active filters


def search_practices(parameters) -> SearchPage:
    request = parameters.request
    outcome = run_search(request)
    corrected_to = suggestion = None
    if request.query and not outcome.text_matches:
        # No word matched: run the best spelling at once and say so, unless the visitor asked
        # for exactly what they typed (the link under "Showing results for").
        spelling = near_spelling(request.query)
        if spelling:
            retry = run_search(replace(request, query=spelling))
            if retry.text_matches and parameters.correct_spelling:
                outcome, corrected_to, request = retry, spelling, replace(request, query=spelling)
            elif retry.text_matches:
                suggestion = spelling
    page_count = max(1, ceil(outcome.count / parameters.page_size))
    page = parameters.page
    if page > page_count:
        parameters.messages.append(
            _("Page %(page)s does not exist; showing page %(last)s.") % {"page": page, "last": page_count}
        )
        page = page_count
        request = request.replace(offset=(page - 1) * parameters.page_size)
        outcome = run_search(request) if outcome.count else outcome
    facets = {}
    for key, options in parameters.options.items():
        selected = set(parameters.codes.get(key, []))
        counts = outcome.facets.get(key, {})
        facets[key] = [
            FacetValue(option.code, option.label, counts.get(option.value, 0), option.code in selected)
            for option in options
        ]
    record_search(query=parameters.request.query, language=request.locale.language_code, count=outcome.count)
    result = SearchPage(
        results=outcome.results,
        count=outcome.count,
        page=page,
        page_count=page_count,
        facets=facets,
        messages=parameters.messages,
        degraded=outcome.degraded,
        promotions=promoted(request.query, request.locale),
        corrected_to=corrected_to,
        spelling=suggestion,
    )
    if outcome.count == 0:
        result.filters_to_drop = [
            (key, value.label, value.code) for key, values in facets.items() for value in values if value.selected
        ]
    return result


AUTOCOMPLETE_LIMIT = 8


def suggest_practices(*, query: str, locale, limit: int = AUTOCOMPLETE_LIMIT) -> list:
    """Titles that begin like what the visitor is typing ("Méx" -> "… México …"), in their language tree."""

    query = clean_query(query)
    if len(query) < 2:
        return []

    practices = published_practices(locale=locale).select_related("country", "locale")
    return autocomplete(query, practices, limit=limit)


@dataclass
class Suggestion:
    group: str  # "country", "institution", "topic", "search" or "practice": the order they are listed in
    label: str
    url: str
    detail: str = ""  # the practice's country
    language: str = ""  # the language the label is written in


SUGGESTION_GROUPS = ("country", "institution", "topic", "search", "practice")
VOCABULARY_SUGGESTIONS = 2  # per vocabulary group, so that practice titles keep most of the list


def _starts_a_word(prefix: str, text: str) -> bool:
    """Accent- and case-insensitive: "guat" starts "Guatemala", "bras" starts "Brasil", "coi" starts "COI"."""
    folded = fold(text)
    return folded.startswith(prefix) or any(word.startswith(prefix) for word in WORD.findall(folded))


def suggest(*, query: str, locale, search_url: str, limit: int = AUTOCOMPLETE_LIMIT) -> list[Suggestion]:
    """What the visitor may be typing, grouped: countries, institutions and topics (each opens the
    search filtered by it), thesaurus terms (a search), then practice titles; labels in the
    page's language. Vocabularies come from the facet options' cache: no query per keystroke."""
    from urllib.parse import urlencode

    query = clean_query(query)
    prefix = fold(query)
    if len(prefix) < 2:
        return []
    found: list[Suggestion] = []
    for key in ("country", "institution", "topic"):
        options = [o for o in FACETS_BY_KEY[key].options(locale) if _starts_a_word(prefix, o.label)]
        found += [
            Suggestion(key, o.label, f"{search_url}?{FACETS_BY_KEY[key].to_query([o.code])}")
            for o in options[:VOCABULARY_SUGGESTIONS]
        ]
    terms = [terms[0] for terms in synonym_groups() if any(fold(term).startswith(prefix) for term in terms)]
    found += [
        Suggestion("search", term, f"{search_url}?{urlencode({'q': term})}") for term in terms[:VOCABULARY_SUGGESTIONS]
    ]
    room = max(limit - len(found), limit // 2)
    for practice in suggest_practices(query=query, locale=locale, limit=room):
        country = practice.country.localized_name() if practice.country else ""
        url = practice.get_url()
        found.append(Suggestion("practice", practice.title, url, country, practice.content_language))
    return found[:limit]

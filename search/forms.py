"""Validates the search page's and the API's GET parameters.

Bad values never fail the request: each is dropped with a translated message saying so, and
the rest of the search goes on.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.models import Locale

from core import params

from .engine import SORTS, SearchRequest
from .facets import FACETS, Option
from .queries import clean_query

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_VALUES_PER_FACET = 30
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window


@dataclass
class SearchParameters:
    request: SearchRequest
    page: int
    page_size: int
    codes: dict[str, list[str]]  # facet key -> selected codes, as they go back into URLs
    options: dict[str, list[Option]]
    messages: list[str] = field(default_factory=list)
    correct_spelling: bool = True  # `literal=1`: search exactly what was typed, no automatic correction

    @property
    def active_filter_count(self) -> int:
        years = (self.request.year_from is not None) + (self.request.year_to is not None)
        return sum(len(codes) for codes in self.codes.values()) + years


def parse_search_parameters(data, *, locale: Locale, allow_page_size: bool = False) -> SearchParameters:
    messages: list[str] = []
    query = clean_query(data.get("q", ""))
    if len(data.get("q", "")) > len(query) + 10 and len(data.get("q", "")) > 200:
        messages.append(_("Your search was shortened to its first 200 characters."))

    options = {facet.key: facet.options(locale) for facet in FACETS}
    selections, codes = {}, {}
    for facet in FACETS:
        by_code = {option.code.casefold(): option for option in options[facet.key]}
        chosen = []
        for raw in data.getlist(facet.key)[:MAX_VALUES_PER_FACET]:
            for code in (part.strip() for part in raw.split(",")):
                if not code:
                    continue
                option = by_code.get(code.casefold())
                if option is None:
                    messages.append(
                        _("Unknown value “%(value)s” for “%(filter)s” was ignored.")
                        % {"value": code[:40], "filter": facet.label}
                    )
                elif option not in chosen:
                    chosen.append(option)
        if chosen:
            selections[facet.key] = {option.value for option in chosen}
            codes[facet.key] = [option.code for option in chosen]

    year_from = params.lenient(params.year, data, "year_from", messages)
    year_to = params.lenient(params.year, data, "year_to", messages)
    if year_from is not None and year_to is not None and year_from > year_to:
        messages.append(
            _("The year range was reversed; it now runs from %(start)s to %(end)s.")
            % {"start": year_to, "end": year_from}
        )
        year_from, year_to = year_to, year_from

    sort = data.get("sort") or ("relevance" if query else "newest")
    if sort not in SORTS:
        messages.append(_("Unknown order “%(value)s” was ignored.") % {"value": sort[:40]})
        sort = "relevance" if query else "newest"

    page = params.lenient(params.integer, data, "page", messages, minimum=1) or 1
    if page * DEFAULT_PAGE_SIZE > MAX_RESULT_WINDOW:
        messages.append(
            _("Only the first %(max)s results can be browsed; add words or filters to narrow the search.")
            % {"max": f"{MAX_RESULT_WINDOW:,}"}
        )
        page = MAX_RESULT_WINDOW // DEFAULT_PAGE_SIZE
    page_size = DEFAULT_PAGE_SIZE
    if allow_page_size and data.get("page_size"):
        page_size = params.lenient(params.integer, data, "page_size", messages, minimum=1) or DEFAULT_PAGE_SIZE
        if page_size > MAX_PAGE_SIZE:
            messages.append(_("At most %(max)s results per page.") % {"max": MAX_PAGE_SIZE})
            page_size = MAX_PAGE_SIZE
        page = min(page, MAX_RESULT_WINDOW // page_size)

    request = SearchRequest(
        locale=locale,
        query=query,
        selections=selections,
        year_from=year_from,
        year_to=year_to,
        sort=sort,
        offset=(page - 1) * page_size,
        limit=page_size,
    )
    return SearchParameters(
        request=request,
        page=page,
        page_size=page_size,
        codes=codes,
        options=options,
        messages=messages,
        correct_spelling=data.get("literal") != "1",
    )

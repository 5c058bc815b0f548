"""The search's GET parameters: one Django form for the page, the JSON search, the alerts, the
exports and the API v2 listing (core/forms.py, `ParameterForm`).

Lenient (the search page, `/api/search/`, alerts): a bad value never fails the request; it is
dropped with a translated message saying so, and the rest of the search goes on. Strict (exports,
API v2): every bad value is an error and the request answers 400, because a program asking for
data must not silently get a bigger set than it asked for. Both read each value by the same rule,
so the same bad year gets the same message in both (the lenient one adds "It was ignored.").
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from core import params
from core.forms import CodeField, ParameterField, ParameterForm

from .engine import SORTS, SearchRequest
from .facets import FACETS, Option
from .queries import MAX_QUERY_LENGTH, clean_query

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_VALUES_PER_FACET = CodeField.MAX_VALUES
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
SORT_LABELS = {
    "relevance": gettext_lazy("Relevance"),
    "newest": gettext_lazy("Newest"),
    "year": gettext_lazy("Year started"),
}


@dataclass
class SearchParameters:
    request: SearchRequest
    page: int
    page_size: int
    codes: dict[str, list[str]]  # facet key -> selected codes, as they go back into URLs
    options: Mapping[str, list[Option]]  # facet key -> its options (`FacetOptions`)
    messages: list[str] = field(default_factory=list)
    correct_spelling: bool = True  # `literal=1`: search exactly what was typed, no automatic correction
    sort_given: bool = False  # the visitor chose the order (links keep it); otherwise it follows the query
    form: "SearchForm | None" = None

    @property
    def active_filter_count(self) -> int:
        years = (self.request.year_from is not None) + (self.request.year_to is not None)
        return sum(len(codes) for codes in self.codes.values()) + years

    def to_query(
        self,
        *,
        sort: bool = False,
        literal: bool = False,
        page: int | None = None,
        codes: dict[str, list[str]] | None = None,
        without: tuple[str, str] | None = None,
    ) -> str:
        """The search as a query string, always in one order: `q`, each facet's codes (the facets'
        order, each facet encoding its own), the years; then, when asked, the order, `literal` and
        the page. `codes` replaces some facets' selections; `without` drops one value (key, code),
        or a whole parameter with an empty code. Built from the cleaned search, never the raw URL:
        a value the page dropped does not come back in its links."""
        request = self.request
        codes = {**self.codes, **(codes or {})}
        state = {"q": request.query} if request.query else {}
        state.update((facet.key, facet.encode(codes.get(facet.key, []))) for facet in FACETS)
        if request.year_from is not None:
            state["year_from"] = str(request.year_from)
        if request.year_to is not None:
            state["year_to"] = str(request.year_to)
        if sort:
            state["sort"] = request.sort
        if literal and not self.correct_spelling:
            state["literal"] = "1"
        if page is not None:
            state["page"] = str(page)
        if without is not None:
            key, code = without
            if code and isinstance(state.get(key), list):
                state[key] = [value for value in state[key] if value != code]
            elif not code:
                state.pop(key, None)
        return urlencode({key: value for key, value in state.items() if value not in ([], "")}, doseq=True)

    def link_query(self, **changes) -> str:
        """`to_query` for links within the search page: the order the visitor chose and `literal` stay."""
        return self.to_query(sort=self.sort_given, literal=True, **changes)


class FacetOptions(Mapping):
    """facet key -> its options, each read when first asked for: the page reads them all, the
    API v2 listing only those it was given codes of."""

    def __init__(self, form: "SearchForm"):
        self.form = form

    def __getitem__(self, key: str) -> list[Option]:
        return self.form.fields[key].options()

    def __iter__(self):
        return (facet.key for facet in FACETS)

    def __len__(self) -> int:
        return len(FACETS)


class QueryField(ParameterField):
    """The words: never an error; cut to MAX_QUERY_LENGTH (with a note when much was cut)."""

    def __init__(self):
        super().__init__(parse=None)

    def clean(self, values):
        raw = values[-1] if values else ""
        query = clean_query(raw)
        if len(raw) > len(query) + 10 and len(raw) > MAX_QUERY_LENGTH:
            self.notes.append(_("Your search was shortened to its first 200 characters."))
        return query


class SearchForm(ParameterForm):
    """`q`, one field per facet, `year_from`/`year_to`, `sort`, `page` (and `page_size` for the JSON
    search, `year` for the API v2 listing). `parameters()` gives what the search runs on."""

    def __init__(
        self, data, *, locale: Locale, strict: bool = False, allow_page_size: bool = False, exact_year: bool = False
    ):
        self.locale = locale
        self.base_fields = {"q": QueryField()}
        for facet in FACETS:
            self.base_fields[facet.key] = CodeField(
                lambda facet=facet: facet.options(locale), label=facet.label, multiple=True
            )
        for name in ("year_from", "year_to", *(("year",) if exact_year else ())):
            self.base_fields[name] = ParameterField(params.year)
        self.base_fields["sort"] = CodeField(
            [Option(code, code, SORT_LABELS[code]) for code in SORTS],
            label=_("Order"),
            lenient_message=_("Unknown order “%(value)s” was ignored."),
        )
        self.base_fields["page"] = ParameterField(params.integer, minimum=1)
        if allow_page_size:
            self.base_fields["page_size"] = ParameterField(params.integer, minimum=1)
        super().__init__(data, strict=strict)

    # For the template: the orders and the years it offers, so that it retypes neither.
    @property
    def sort_options(self) -> list[tuple[str, str, bool]]:
        chosen = self.parameters().request.sort
        return [(code, str(SORT_LABELS[code]), code == chosen) for code in SORTS]

    @property
    def year_bounds(self) -> tuple[int, int]:
        return params.FIRST_YEAR, params.last_year()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        exact = cleaned.get("year")
        if exact is not None:
            # The API's `year` with a range: the narrowest range they allow together.
            start, end = max(exact, start or exact), min(exact, end or exact)
        if start is not None and end is not None and start > end:
            if self.strict:
                self.add_error(
                    None,
                    _("No year is between “year_from” (%(start)s) and “year_to” (%(end)s).")
                    % {"start": start, "end": end},
                )
            else:
                self.note(
                    "year_to",
                    _("The year range was reversed; it now runs from %(start)s to %(end)s.")
                    % {"start": end, "end": start},
                )
                start, end = end, start
        cleaned["year_from"], cleaned["year_to"] = start, end
        return cleaned

    def parameters(self) -> SearchParameters:
        """What the search runs on. Strict: raises `InvalidParameters` (a 400) when a value was bad."""
        if hasattr(self, "_parameters"):
            return self._parameters
        self.raise_problems()
        values = self.values
        messages = self.messages
        query = values["q"] or ""
        chosen = {facet.key: values[facet.key] for facet in FACETS if values[facet.key]}
        sort = values["sort"][0].code if values["sort"] else ("relevance" if query else "newest")

        page = values["page"] or 1
        if page * DEFAULT_PAGE_SIZE > MAX_RESULT_WINDOW:
            messages.append(
                _("Only the first %(max)s results can be browsed; add words or filters to narrow the search.")
                % {"max": f"{MAX_RESULT_WINDOW:,}"}
            )
            page = MAX_RESULT_WINDOW // DEFAULT_PAGE_SIZE
        page_size = values.get("page_size") or DEFAULT_PAGE_SIZE
        if page_size > MAX_PAGE_SIZE:
            messages.append(_("At most %(max)s results per page.") % {"max": MAX_PAGE_SIZE})
            page_size = MAX_PAGE_SIZE
        page = min(page, MAX_RESULT_WINDOW // page_size)

        request = SearchRequest(
            locale=self.locale,
            query=query,
            selections={key: frozenset(option.value for option in options) for key, options in chosen.items()},
            year_from=values["year_from"],
            year_to=values["year_to"],
            sort=sort,
            offset=(page - 1) * page_size,
            limit=page_size,
        )
        self._parameters = SearchParameters(
            request=request,
            page=page,
            page_size=page_size,
            codes={key: [option.code for option in options] for key, options in chosen.items()},
            options=FacetOptions(self),
            messages=messages,
            correct_spelling=self.data.get("literal") != "1",
            sort_given=bool(values["sort"]),
            form=self,
        )
        return self._parameters


def parse_search_parameters(data, *, locale: Locale, allow_page_size: bool = False) -> SearchParameters:
    """The lenient flavour: what the search page, the JSON search and the alerts run on."""
    return SearchForm(data, locale=locale, allow_page_size=allow_page_size).parameters()

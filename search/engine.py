"""The one adapter between our search and the configured Wagtail search backend.

Why an adapter: faceted search needs, for every facet, counts that ignore that facet's own
selection, over the text matches. Wagtail's `.facet()` sends one request per facet, cannot group
many-to-many fields on the database backends, and on Elasticsearch returns at most 10 buckets
(wagtail#5668). So:

- on the database backends (SQLite, PostgreSQL) the text match runs once and gives every matching
  id, best first; every facet's counts come from one SQL statement over those ids
  (search/counting.py); the rows of one page are fetched last;
- on Elasticsearch the text query comes from the backend's own query compiler, and results and
  all facet counts come from one request (a `post_filter` plus one filtered terms aggregation per
  facet, with a size large enough for every value).

Hybrid: with a query, the practices found by meaning (search/semantic.py, the same database
vectors on every backend) join the text matches before the filters and the facet counts, so a
result found only by meaning is filtered and counted like any other; the two rankings are fused
by reciprocal rank (`fuse`). The text side first needs every word; when that finds fewer than
`FEW_TEXT_MATCHES`, most words (search/text.py).

Nothing outside this module branches on the backend.
"""

import dataclasses
import logging
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q
from django.db.models.expressions import RawSQL
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.index import FilterField
from modelsearch.query import MATCH_ALL
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from core import pagecache

# The engine's failures and the breaker live with the index writes, which trip it too (indexing/).
from indexing.breaker import ENGINE_ERRORS, breaker
from practices.models import PracticePage
from practices.queries import published_practices

from . import counting
from .backends.database import SearchBackend
from .facets import FACETS, FACETS_BY_KEY
from .semantic import rank_by_meaning
from .text import part_count, text_query

SORTS = ("relevance", "newest", "year")
MAX_BUCKETS = 1000
COUNTS_CACHE_SECONDS = 600  # facet counts without words; any content write forgets them sooner
FEW_TEXT_MATCHES = 10  # below this, the text side relaxes from every word to most words
RRF_K = 60  # reciprocal rank fusion's constant (Cormack et al. 2009); measured in docs/search.md
FUSION_DEPTH = 200  # text results ranked for the fusion; pages beyond it follow in the text order


@dataclass(frozen=True)
class SearchRequest:
    """One search, as the engines run it. Frozen: a caller wanting another page or order makes a
    new one with `dataclasses.replace` (or `.replace()`), so a request shared by the page, its
    spelling retry and an export's batches is never changed under another reader."""

    locale: Locale
    query: str = ""
    selections: dict[str, frozenset] = field(default_factory=dict)  # facet key -> stored values (pks or codes)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20

    def replace(self, **changes) -> "SearchRequest":
        return dataclasses.replace(self, **changes)


@dataclass
class SearchOutcome:
    results: list[PracticePage]
    count: int
    facets: dict[str, dict[object, int]]  # facet key -> stored value -> count
    degraded: bool = False  # answered by the database because the engine was not
    text_matches: int = 0  # practices the words matched, before filters (0: try a spelling correction)


FALLBACK_BACKEND = "database"
logger = logging.getLogger(__name__)


def run_search(request: SearchRequest, *, backend_name: str = "default") -> SearchOutcome:
    backend = get_search_backend(backend_name)
    if not isinstance(backend, ElasticsearchBaseSearchBackend):
        return DatabaseEngine(backend).run(request)
    if not breaker.is_open():
        try:
            return ElasticsearchEngine(backend).run(request)
        except ENGINE_ERRORS:
            logger.warning("Search engine unavailable; answering from the database", exc_info=True)
            breaker.trip()
    outcome = DatabaseEngine(fallback_backend()).run(request)
    outcome.degraded = True
    return outcome


def matching_ids(request: SearchRequest, *, backend_name: str = "default") -> tuple[list[int], bool] | None:
    """(every practice the request finds, in the search page's order; answered by the fallback)
    as ids alone: no facet counts, no rows. For exports, which fetch the rows batch by batch.
    None while Elasticsearch answers: its own requests page through results (the caller asks
    `run_search` for each batch)."""
    backend = get_search_backend(backend_name)
    if not isinstance(backend, ElasticsearchBaseSearchBackend):
        return DatabaseEngine(backend).ids(request), False
    if breaker.is_open():
        return DatabaseEngine(fallback_backend()).ids(request), True
    return None


def filter_practices(queryset, request: SearchRequest):
    """The request's facet selections and years applied to a practice queryset, without words: the
    API v2 listing filters by the search's own semantics (OR within a facet, AND across, a country
    matching its partner practices) in the database, whatever the search backend."""
    return DatabaseEngine.apply(queryset, request, skip=None)


def autocomplete(query: str, practices, *, limit: int) -> list:
    """Titles beginning like `query` among `practices`, from the engine; from the database index
    while the engine is down (the breaker, as for searches)."""
    backend = get_search_backend()
    if isinstance(backend, ElasticsearchBaseSearchBackend) and breaker.is_open():
        backend = fallback_backend()
    try:
        return list(backend.autocomplete(query, practices)[:limit])
    except ENGINE_ERRORS:
        breaker.trip()
        return list(fallback_backend().autocomplete(query, practices)[:limit])


def fallback_backend():
    """The database index kept up to date beside Elasticsearch (settings: the "database" backend)."""
    from django.conf import settings

    name = FALLBACK_BACKEND if FALLBACK_BACKEND in settings.WAGTAILSEARCH_BACKENDS else None
    if name is None:
        return SearchBackend({})
    return get_search_backend(name)


def fuse(text_ranked: list[int], semantic_ranked: list[int]) -> list[int]:
    """Reciprocal rank fusion: each list gives 1 / (RRF_K + rank); a practice in both adds up."""
    scores: dict[int, float] = {}
    for ranked in (text_ranked, semantic_ranked):
        for rank, pk in enumerate(ranked, start=1):
            scores[pk] = scores.get(pk, 0.0) + 1 / (RRF_K + rank)
    return sorted(scores, key=lambda pk: -scores[pk])


def _ordering(sort: str) -> list[str]:
    if sort == "year":
        return ["-year_started", "-first_published_at", "-pk"]
    return ["-first_published_at", "-pk"]


class DatabaseEngine:
    """The database backends: the text match once, ranked on ids; every facet count and the ids
    passing the filters from one statement (search/counting.py); then the rows of one page.

    With words and relevance order: the ids of every match (the backend's `text_matches`; on
    SQLite with their bm25, read in the same pass), the counts and the ids passing the filters,
    on PostgreSQL the relevance of those ids only (the thesaurus makes it the costliest part),
    then the rows of one page (plus the listing's prefetches)."""

    def __init__(self, backend):
        self.backend = backend

    def run(self, request: SearchRequest) -> SearchOutcome:
        base = published_practices(locale=request.locale)
        window = slice(request.offset, request.offset + request.limit)
        if not request.query:
            facets = self.facet_counts(base, request)
            selected = self.apply(base, request, skip=None)
            page = list(selected.order_by(*_ordering(request.sort)).for_listing()[window])
            return SearchOutcome(results=page, count=self.total(facets, request), facets=facets)
        text = self.text_matches(request.query, base)
        meaning = [pk for pk, _ in rank_by_meaning(request.query, locale_id=request.locale.pk)]
        matched = list(dict.fromkeys(text.ids + meaning))
        facets, passing = counting.count(base, request, ids=matched, hits=True)
        if request.sort == "relevance":
            # The text matches passing the filters ranked, the best fused with the meaning ranking;
            # meaning results the filters exclude drop out after the fusion, as they always have.
            text_ranked = text.top(passing, max(FUSION_DEPTH, window.stop))
            ranked = [pk for pk in fuse(text_ranked, meaning) if pk in passing][window]
            pages = PracticePage.objects.filter(pk__in=ranked).for_listing().in_bulk()
            page = [pages[pk] for pk in ranked if pk in pages]
        else:
            chosen = PracticePage.objects.filter(pk__in=_id_list(sorted(passing)))
            page = list(chosen.order_by(*_ordering(request.sort)).for_listing()[window])
        return SearchOutcome(results=page, count=self.total(facets, request), facets=facets, text_matches=len(text.ids))

    def ids(self, request: SearchRequest) -> list[int]:
        """Every practice `run` would list, in its order, without counting facets or fetching rows."""
        base = published_practices(locale=request.locale)
        if not request.query:
            selected = self.apply(base, request, skip=None).order_by(*_ordering(request.sort))
            return list(selected.values_list("pk", flat=True))
        text = self.text_matches(request.query, base)
        meaning = [pk for pk, _ in rank_by_meaning(request.query, locale_id=request.locale.pk)]
        matched = base.filter(pk__in=_id_list(list(dict.fromkeys(text.ids + meaning))))
        selected = self.apply(matched, request, skip=None)
        if request.sort != "relevance":
            return list(selected.order_by(*_ordering(request.sort)).values_list("pk", flat=True))
        passing = set(selected.order_by().values_list("pk", flat=True))
        return [pk for pk in fuse(text.top(passing, len(passing)), meaning) if pk in passing]

    def text_matches(self, query: str, base):
        """The matches of every word, of most words if that finds few (`.ids`, and `.top(passing,
        n)`: the best n passing the filters), from the backend's `text_matches` (one statement)."""
        matches = self.backend_matches(text_query(query), base)
        if len(matches.ids) < FEW_TEXT_MATCHES and part_count(query) > 1:
            matches = self.backend_matches(text_query(query, relaxed=True), base)
        return matches

    def backend_matches(self, text, base):
        if hasattr(self.backend, "text_matches"):
            return self.backend.text_matches(text, base)
        return _StockMatches([page.pk for page in self.backend.search(text, base.only("pk"), order_by_relevance=True)])

    @staticmethod
    def total(facets, request: SearchRequest) -> int:
        """Every practice has exactly one kind, and the kind counts ignore only the kind selection:
        so the total is their sum over the selected kinds, and costs no COUNT query."""
        kinds = request.selections.get("kind")
        return sum(n for kind, n in facets["kind"].items() if not kinds or kind in kinds)

    @staticmethod
    def apply(queryset, request: SearchRequest, *, skip: str | None):
        """Selections of every facet but `skip`; several values of one facet combine with OR."""
        for key, values in request.selections.items():
            if key == skip or not values:
                continue
            condition = Q()
            for path in FACETS_BY_KEY[key].orm_paths:
                condition |= Q(**{f"{path}__in": list(values)})
            # A subquery, not a join: a practice matching two values must not come back twice.
            queryset = queryset.filter(pk__in=PracticePage.objects.filter(condition).values("pk"))
        if request.year_from is not None:
            queryset = queryset.filter(year_started__gte=request.year_from)
        if request.year_to is not None:
            queryset = queryset.filter(year_started__lte=request.year_to)
        return queryset

    @staticmethod
    def facet_counts(base, request: SearchRequest) -> dict[str, dict[object, int]]:
        """Counts without words. The states most visitors land on (nothing selected, or one facet)
        are kept in the cache until the next content write (the page cache's generation)."""
        selected = {key: values for key, values in request.selections.items() if values}
        if len(selected) > 1 or request.year_from is not None or request.year_to is not None:
            return counting.count(base, request, ids=None)[0]
        state = ";".join(f"{key}={','.join(sorted(map(str, values)))}" for key, values in selected.items())
        key = f"search-counts:{pagecache.generation()}:{request.locale.pk}:{state}"
        facets = cache.get(key)
        if facets is None:
            facets = counting.count(base, request, ids=None)[0]
            cache.set(key, facets, COUNTS_CACHE_SECONDS)
        return facets


class _StockMatches:
    """Another database backend's matches, already in its order."""

    def __init__(self, ranked: list[int]):
        self.ids = ranked

    def top(self, passing: set[int], limit: int) -> list[int]:
        return [pk for pk in self.ids if pk in passing][:limit]


def _id_list(ids: list[int]) -> RawSQL:
    sql, params = counting.id_list_sql(ids)
    return RawSQL(sql, params)


class ElasticsearchEngine:
    def __init__(self, backend):
        self.backend = backend

    def run(self, request: SearchRequest) -> SearchOutcome:
        base = published_practices(locale=request.locale)
        meaning = [pk for pk, _ in rank_by_meaning(request.query, locale_id=request.locale.pk)] if request.query else []
        text = text_query(request.query) if request.query else MATCH_ALL
        response = self.search(base, request, text, meaning)
        if request.query and response["aggregations"]["text"]["doc_count"] < FEW_TEXT_MATCHES:
            if part_count(request.query) > 1:
                response = self.search(base, request, text_query(request.query, relaxed=True), meaning)
        hits = response["hits"]["hits"]
        pks = [int(hit["fields"]["pk"][0]) for hit in hits]
        if request.query and request.sort == "relevance":
            # Text matches score above 0; practices found only by meaning score 0 (see `search`).
            text_ranked = [pk for pk, hit in zip(pks, hits, strict=True) if hit["_score"]]
            allowed = {int(bucket["key"]) for bucket in response["aggregations"]["meaning"]["pks"]["buckets"]}
            pks = fuse(text_ranked, [pk for pk in meaning if pk in allowed])[
                request.offset : request.offset + request.limit
            ]
        pages = {page.pk: page for page in PracticePage.objects.filter(pk__in=pks).for_listing()}
        facets = {
            key: {
                FACETS_BY_KEY[key].stored(str(bucket["key"])): bucket["doc_count"]
                for bucket in aggregation["values"]["buckets"]
            }
            for key, aggregation in response["aggregations"].items()
            if key in FACETS_BY_KEY
        }
        return SearchOutcome(
            results=[pages[pk] for pk in pks if pk in pages],
            count=response["hits"]["total"]["value"],
            facets=facets,
            text_matches=response["aggregations"]["text"]["doc_count"],
        )

    def search(self, base, request: SearchRequest, text, meaning: list[int]) -> dict:
        """One request: the text query OR the practices found by meaning (at score 0), filtered
        after the query (`post_filter`), every facet counted over both, and which of the meaning
        results pass the filters (osmem has no kNN: docs/search.md)."""
        by_relevance = bool(request.query) and request.sort == "relevance"
        compiler = self.backend.query_compiler_class(base, text, order_by_relevance=by_relevance)
        mapping = compiler.mapping
        columns = {facet.key: self._column(mapping, facet.index_field) for facet in FACETS}
        filters = {
            key: self._facet_filter(columns[key], values) for key, values in request.selections.items() if values
        }
        years = self._year_filter(mapping, request)
        query = text_clause = compiler.get_query()
        if meaning:
            # The ids, within what the base queryset allows (live, public, this language tree).
            allowed = self.backend.query_compiler_class(base, MATCH_ALL).get_query()
            by_meaning = {"bool": {"filter": [{"terms": {"pk": [str(pk) for pk in meaning]}}, allowed]}}
            query = {"bool": {"should": [text_clause, {"constant_score": {"filter": by_meaning, "boost": 0}}]}}
        window = {"from_": request.offset, "size": request.limit}
        if by_relevance:
            window = {"from_": 0, "size": max(FUSION_DEPTH, request.offset + request.limit)}
        body = {
            "query": query,
            "post_filter": {"bool": {"filter": list(filters.values()) + years}},
            "aggregations": {
                "text": {"filter": text_clause},
                "meaning": {
                    "filter": {
                        "bool": {"filter": [{"terms": {"pk": [str(pk) for pk in meaning]}}, *filters.values(), *years]}
                    },
                    "aggregations": {"pks": {"terms": {"field": "pk", "size": len(meaning) or 1}}},
                },
                **{
                    facet.key: {
                        "filter": {"bool": {"filter": [f for k, f in filters.items() if k != facet.key] + years}},
                        "aggregations": {"values": {"terms": {"field": columns[facet.key], "size": MAX_BUCKETS}}},
                    }
                    for facet in FACETS
                },
            },
            **window,
            "track_total_hits": True,
            "_source": False,
            "stored_fields": "pk",
        }
        if not by_relevance:
            body["sort"] = self._sort(mapping, request.sort)
        index = self.backend.get_index_for_model(PracticePage).name
        return self.backend.es.search(index=index, **body)

    @staticmethod
    def _column(mapping, field_name: str) -> str:
        for search_field in PracticePage.get_search_fields():
            if isinstance(search_field, FilterField) and search_field.field_name == field_name:
                return mapping.get_field_column_name(search_field)
        raise LookupError(f"PracticePage has no FilterField {field_name!r}")

    @staticmethod
    def _facet_filter(column: str, values) -> dict:
        return {"terms": {column: sorted(values, key=str)}}

    def _year_filter(self, mapping, request: SearchRequest) -> list[dict]:
        bounds = {}
        if request.year_from is not None:
            bounds["gte"] = request.year_from
        if request.year_to is not None:
            bounds["lte"] = request.year_to
        return [{"range": {self._column(mapping, "year_started"): bounds}}] if bounds else []

    def _sort(self, mapping, sort: str) -> list[dict]:
        published = self._column(mapping, "first_published_at")
        if sort == "year":
            return [{self._column(mapping, "year_started"): "desc"}, {published: "desc"}]
        return [{published: "desc"}]

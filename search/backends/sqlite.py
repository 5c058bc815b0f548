"""SQLite FTS5: stems at index and at query time in Python, in the three site languages (see database.py).

Also replaces how the stock backend runs a query, which is quadratic in the size of the index
(measured at 10,000 practices: 152 s for one search). The stock SQL joins the FTS table to the
index entries with the entries as the outer loop, so SQLite re-runs the full-text match once per
entry, and orders by relevance with a correlated subquery that runs the match again once per
result. Here the match runs once, on its own, as the inner list of an `IN`; relevance is read in
the same single pass (bm25 per match) and the matches are ranked in Python.

The MATCH expression is written here too: the stock one drops parentheses when combining
terms, so "a OR b AND c" meant "a OR (b AND c)" and a thesaurus expansion matched far too much.

What this borrows from modelsearch beyond its public API (`SQLiteIndex._refresh_title_norms`,
the results' `_do_search`/`_do_count` hooks, the query compiler's `search`, `get_config`,
`query`, `queryset`, `order_by_relevance`) is pinned with modelsearch in requirements.lock and
checked by tests/search/test_backend_contract.py, which fails when a name or signature changes.
"""

from django.db import connections
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.query import normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .analysis import WORD, fold, stemmed_text, stems


class StemmingObjectIndexer(ObjectIndexer):
    @property
    def title(self):
        return stemmed_text(super().title)

    @property
    def body(self):
        return stemmed_text(super().body)


class StemmingSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, with the stemming indexer, and existing entries replaced in
        # two statements instead of one UPDATE per object.
        if not model.get_search_fields():
            return
        indexers = [StemmingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        self.delete_entries(content_type_pk, list(data))
        self.entries.bulk_create(
            self.entries.model(
                content_type_id=content_type_pk, object_id=object_id, title=title, autocomplete=autocomplete, body=body
            )
            for object_id, (title, autocomplete, body) in data.items()
        )
        self._refresh_title_norms()

    def delete_entries(self, content_type_pk: int, object_ids: list[str]) -> None:
        """One plain DELETE per chunk, as `QuerySet._raw_delete` would send: the ORM's `.delete()`
        would first read every entry and its full-text row (a CASCADE), which SQLite's own
        triggers already remove with the entry."""
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            for start in range(0, len(object_ids), DELETE_CHUNK):
                chunk = object_ids[start : start + DELETE_CHUNK]
                placeholders = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"DELETE FROM {table} WHERE content_type_id = %s AND object_id IN ({placeholders})",
                    [content_type_pk, *chunk],
                )


DELETE_CHUNK = 500  # ids per DELETE, far below SQLite's limit of bound parameters


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _joined(parts: list[str], operator: str) -> str | None:
    parts = [part for part in parts if part]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else "(" + f" {operator} ".join(parts) + ")"


class SingleMatchMixin:
    """Runs the full-text match once per query (see the module docstring)."""

    COLUMNS: str  # the FTS columns searched, as FTS5 writes a column filter
    WEIGHTS: tuple[float, float, float]  # bm25 weights of the FTS columns: autocomplete, body, title

    def match_string(self, query) -> str | None:
        if isinstance(query, PlainText):
            operator = "AND" if query.operator.upper() == "AND" else "OR"
            return _joined([self.term(word) for word in WORD.findall(query.query_string)], operator)
        if isinstance(query, Phrase):
            return _quoted(" ".join(self.phrase_words(query.query_string)))
        if isinstance(query, (And, Or)):
            operator = "AND" if isinstance(query, And) else "OR"
            return _joined([self.match_string(subquery) for subquery in query.subqueries], operator)
        raise NotImplementedError

    def term(self, word: str) -> str:
        return _joined([_quoted(stem) for stem in stems(word)], "OR")

    def phrase_words(self, text: str) -> list[str]:
        return [stems(word)[0] for word in WORD.findall(text)]

    def _single_match(self):
        """The MATCH string, or None when the stock code must handle the query (match all, NOT…)."""
        query = normalize(self.query)
        try:
            expression = self.match_string(query)
        except NotImplementedError:
            return None
        return "" if expression is None else "{" + self.COLUMNS + "} : " + expression

    def matches(self):
        """The queryset restricted to the matches, in its own order (no relevance)."""
        match = self._single_match()
        if match is None:
            return super().search(None, None, None)
        if not match:
            return self.queryset.none()
        table = SQLiteFTSIndexEntry._meta.db_table
        # The FTS table's rowid is its index entry's id (modelsearch's SQLiteFTSIndexEntry).
        matched_rows = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model), id__in=matched_rows
        ).values("object_id")
        queryset = self.queryset.filter(pk__in=entries)
        return queryset if queryset.query.order_by else queryset.order_by("-pk")

    def scores(self, match: str) -> dict[int, float]:
        """bm25 of every match within the queryset (lower is better), read in the one pass of the match."""
        table, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        content_types = list(get_descendants_content_types_pks(self.queryset.model))
        placeholders = ", ".join(["%s"] * len(content_types))
        weights = ", ".join(str(weight) for weight in self.WEIGHTS)
        within, within_params = self.queryset.order_by().values("pk").query.sql_with_params()
        # CROSS JOIN keeps the match as the outer loop: SQLite never reorders it.
        sql = (
            f"SELECT e.object_id, m.score FROM (SELECT rowid AS id, bm25({table}, {weights}) AS score "
            f"FROM {table} WHERE {table} MATCH %s) AS m CROSS JOIN {entries} AS e ON e.id = m.id "
            f"WHERE e.content_type_id IN ({placeholders}) AND CAST(e.object_id AS integer) IN ({within})"
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [match, *content_types, *within_params])
            return {int(object_id): score for object_id, score in cursor.fetchall()}

    def ranked(self, start, stop, score_field=None) -> list:
        match = self._single_match()
        if match is None:
            return list(super().search(None, start, stop, score_field=score_field))
        if not match:
            return []
        if not self.order_by_relevance and score_field is None:
            return list(self.matches()[start:stop])
        scores = self.scores(match)
        if self.order_by_relevance:
            ordered = sorted(scores, key=lambda pk: (scores[pk], -pk))[start:stop]
            by_pk = self.queryset.order_by().in_bulk(ordered)
            objects = [by_pk[pk] for pk in ordered if pk in by_pk]
        else:
            objects = list(self.matches()[start:stop])
        if score_field:
            for obj in objects:
                setattr(obj, score_field, scores.get(obj.pk))
        return objects


class StemmingSQLiteQueryCompiler(SingleMatchMixin, SQLiteSearchQueryCompiler):
    COLUMNS = "title body"
    WEIGHTS = (0.0, 1.0, 2.0)


class PrefixSQLiteAutocompleteCompiler(SingleMatchMixin, SQLiteAutocompleteQueryCompiler):
    """Autocomplete is not stemmed: every word as typed (accents folded), the last one as a prefix."""

    COLUMNS = "autocomplete"
    WEIGHTS = (1.0, 0.0, 0.0)

    def match_string(self, query) -> str | None:
        if isinstance(query, PlainText):
            words = [fold(word) for word in WORD.findall(query.query_string)]
            if not words:
                return None
            return _joined([_quoted(word) for word in words[:-1]] + [_quoted(words[-1]) + "*"], "AND")
        return super().match_string(query)

    def term(self, word: str) -> str:
        return _quoted(fold(word))

    def phrase_words(self, text: str) -> list[str]:
        return [fold(word) for word in WORD.findall(text)]


class SingleMatchSearchResults(SQLiteSearchResults):
    def get_queryset(self):
        return self.query_compiler.matches()[self.start : self.stop]

    def _do_search(self):
        return self.query_compiler.ranked(self.start, self.stop, score_field=self._score_field)

    def _do_count(self):
        return self.query_compiler.matches()[self.start : self.stop].count()


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = StemmingSQLiteIndex
    query_compiler_class = StemmingSQLiteQueryCompiler
    autocomplete_query_compiler_class = PrefixSQLiteAutocompleteCompiler
    results_class = SingleMatchSearchResults

    def text_matches(self, query, queryset) -> "Scored":
        """The ids matching `query` within `queryset`, with their bm25, from the one pass of the match."""
        compiler = self.query_compiler_class(queryset, query, order_by_relevance=True)
        match = compiler._single_match()
        if match is None:
            return Scored({obj.pk: rank for rank, obj in enumerate(compiler.ranked(None, None))})
        return Scored(compiler.scores(match) if match else {})


class Scored:
    """Matches ranked in Python: FTS5 gives bm25 only while it matches (lower is better)."""

    def __init__(self, scores: dict[int, float]):
        self.scores, self.ids = scores, list(scores)

    def top(self, passing: set[int], limit: int) -> list[int]:
        chosen = [pk for pk in self.scores if pk in passing]
        return sorted(chosen, key=lambda pk: (self.scores[pk], -pk))[:limit]

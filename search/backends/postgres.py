"""PostgreSQL: Spanish stemming with folded accents, and folded accents for autocomplete (see database.py).

PostgreSQL's Spanish Snowball stemmer strips "-ción" only with the accent ("resolución" -> resolu,
"resolucion" -> resolucion), and `unaccent` must run before it for words typed without accents.
So each query word also searches its folded form and its stems from the Python Snowball
stemmers (newer, accent-independent): "resolución" then meets the "resolu" of "resoluciones".
"""

import re

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from .analysis import fold, stems

POSTGRES_CONFIG = "buenaspracticas_es"
POSTGRES_AUTOCOMPLETE_CONFIG = "buenaspracticas_simple"


class VariantsQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        combined = None
        for term in (t for t in re.split(r"[\s\-]+", query.query_string) if t):
            alternatives = None
            for variant in dict.fromkeys([term, fold(term), *stems(term)]):
                lexeme = Lexeme(variant, invert=invert)
                alternatives = lexeme if alternatives is None else alternatives | lexeme
            if combined is None:
                combined = alternatives
            elif query.operator == "and":
                combined &= alternatives
            else:
                combined |= alternatives
        return None if combined is None else SearchQuery(combined, search_type="raw", config=config)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = VariantsQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": POSTGRES_CONFIG, **params})
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", POSTGRES_AUTOCOMPLETE_CONFIG)

    def text_matches(self, query, queryset) -> "RankedLater":
        """The ids matching `query` within `queryset`, unranked: ranking (26 `ts_rank` calls per
        entry for a query the thesaurus expands) waits until the filters have left fewer."""
        compiler = self.query_compiler_class(queryset.order_by(), query, order_by_relevance=False)
        matched = compiler.search(compiler.get_config(self), None, None, backend=self).order_by()
        return RankedLater(self, compiler, list(matched.values_list("pk", flat=True)))


class RankedLater:
    """Matches whose relevance is computed for the ids that pass the filters, best first (the
    stock relevance and tie-break), on the index entries alone: ids in, ids out. The stock ranked
    query repeated the match and joined each match to its whole row (about 1 KB) to sort it.
    The match `title || body @@ query` is covered by an expression index (migration
    `practice_search.0007_index_entry_text_match`)."""

    def __init__(self, backend, compiler, ids: list[int]):
        self.backend, self.compiler, self.ids = backend, compiler, ids

    def top(self, passing: set[int], limit: int) -> list[int]:
        from django.db.models import F, IntegerField
        from django.db.models.expressions import RawSQL
        from django.db.models.functions import Cast
        from modelsearch.utils import get_descendants_content_types_pks
        from wagtail.search.models import IndexEntry

        chosen = [str(pk) for pk in self.ids if pk in passing]
        if not chosen:
            return []
        config = self.compiler.get_config(self.backend)
        rank = self.compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
        entries = (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(self.compiler.queryset.model),
                object_id__in=RawSQL("SELECT unnest(%s::text[])", [chosen]),
            )
            .annotate(rank=rank, pk_number=Cast("object_id", IntegerField()))
            .order_by("-rank", "-pk_number")
        )
        return list(entries.values_list("pk_number", flat=True)[:limit])

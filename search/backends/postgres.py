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

    def ranked_ids(self, query, queryset) -> list[int]:
        """Every match's id, best first (the stock relevance and tie-break), selecting ids alone:
        the stock ranked query joined each match to its whole row (about 1 KB) before sorting.
        The match `title || body @@ query` is covered by an expression index (migration
        `search.0007_index_entry_text_match`)."""
        compiler = self.query_compiler_class(queryset.order_by(), query, order_by_relevance=True)
        ranked = compiler.search(compiler.get_config(self), None, None, backend=self)
        return list(ranked.values_list("pk", flat=True))

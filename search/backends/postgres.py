"""PostgreSQL: each text stemmed in its own language, queries in all three; folded accents for autocomplete.

Index side: a practice's text is analysed with the configuration of the language it is written in
(`content_language`: a translation's locale, else the original's), Spanish with `unaccent`
(migration `practice_search.0001`), Portuguese and English (`practice_search.0008`); other pages
(institutions…) use the Spanish one. Brazil's texts were stemmed as Spanish before.

Query side: a query may be in any of the three languages and meets rows analysed in any of them,
so each word is searched through the three configurations. PostgreSQL's Spanish Snowball stemmer
strips "-ción" only with the accent ("resolución" -> resolu, "resolucion" -> resolucion), so each
word also searches its folded form and its stems from the Python Snowball stemmers (newer,
accent-independent): "resolución" then meets the "resolu" of "resoluciones".
"""

import copy
import re
from collections import defaultdict

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from .analysis import STOP_WORDS, fold, stems

POSTGRES_CONFIG = "buenaspracticas_es"
POSTGRES_AUTOCOMPLETE_CONFIG = "buenaspracticas_simple"
LANGUAGE_CONFIGS = {"es": POSTGRES_CONFIG, "pt": "buenaspracticas_pt", "en": "buenaspracticas_en"}


def text_language(obj) -> str:
    return getattr(obj, "content_language", None) or "es"


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        """The stock insert, once per language with that language's configuration."""
        by_language = defaultdict(list)
        for obj in objs:
            by_language[text_language(obj)].append(obj)
        for language, group in by_language.items():
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = LANGUAGE_CONFIGS.get(language, self.backend.config)
            super(LanguageIndex, index).add_items(model, group)


class VariantsQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        combined = None
        terms = [t for t in re.split(r"[\s\-]+", query.query_string) if t]
        # A function word of one language is a word to another configuration ("de" for English):
        # dropped here, or "acumulación de casos" would need a "de" that Spanish rows never index.
        terms = [t for t in terms if fold(t) not in STOP_WORDS] or terms
        for term in terms:
            word = None
            for language_config in LANGUAGE_CONFIGS.values():
                alternatives = None
                # The Python stems make up for the Spanish stemmer (above); another stemmer would
                # reduce them again ("digitalis" -> "digital" in Portuguese) and match other words.
                python_stems = stems(term) if language_config == POSTGRES_CONFIG else ()
                for variant in dict.fromkeys([term, fold(term), *python_stems]):
                    lexeme = Lexeme(variant, invert=invert)
                    alternatives = lexeme if alternatives is None else alternatives | lexeme
                analysed = SearchQuery(alternatives, search_type="raw", config=language_config)
                # A word is found when it matches in any language (none of them, when inverted).
                word = analysed if word is None else (word & analysed if invert else word | analysed)
            if combined is None:
                combined = word
            elif query.operator == "and":
                combined &= word
            else:
                combined |= word
        return combined


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = VariantsQueryCompiler
    index_class = LanguageIndex

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

"""SQLite FTS5: stems at index and at query time in Python, in the three site languages (see database.py)."""

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from .analysis import stemmed_text, stems


class StemmingObjectIndexer(ObjectIndexer):
    @property
    def title(self):
        return stemmed_text(super().title)

    @property
    def body(self):
        return stemmed_text(super().body)


class StemmingSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, with the stemming indexer.
        if not model.get_search_fields():
            return
        indexers = [StemmingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            self.entries.model(
                content_type_id=content_type_pk, object_id=object_id, title=title, autocomplete=autocomplete, body=body
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class StemmingSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        combined = None
        for term in query.query_string.split():
            alternatives = None
            for stem in stems(term):
                alternatives = Lexeme(stem) if alternatives is None else alternatives | Lexeme(stem)
            if alternatives is None:
                continue
            if combined is None:
                combined = alternatives
            elif query.operator.upper() == "AND":
                combined = combined & alternatives
            else:
                combined = combined | alternatives
        return None if combined is None else SearchQueryExpression(combined, config=config)


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = StemmingSQLiteIndex
    query_compiler_class = StemmingSQLiteQueryCompiler

"""Wagtail's database search backend, adapted so that every database finds what production finds.

- PostgreSQL: a Spanish text search configuration with `unaccent` before the stemmer (created by
  migration `practice_search.0001`), and an accent-folding `simple` one for autocomplete, where the
  stock backend hard-codes `simple` ("Méx" would not find "México").
- SQLite (the embedded default): FTS5 folds accents but has no stemmer, so text is stemmed in
  Python at index and at query time, with the Spanish, Portuguese and English Snowball stemmers.

Selected in settings as "search.backends.database", exactly like "wagtail.search.backends.database".
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as stock_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    # Imported per vendor: modelsearch's SQLite module cannot even be imported on PostgreSQL.
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    backend = stock_backend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite import StemmingSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return StemmingSQLiteSearchBackend(params)
    return backend

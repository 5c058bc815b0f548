"""PostgreSQL: Spanish stemming with folded accents, and folded accents for autocomplete (see database.py)."""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

POSTGRES_CONFIG = "buenaspracticas_es"
POSTGRES_AUTOCOMPLETE_CONFIG = "buenaspracticas_simple"


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": POSTGRES_CONFIG, **params})
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", POSTGRES_AUTOCOMPLETE_CONFIG)

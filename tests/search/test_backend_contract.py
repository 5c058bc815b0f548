"""What our search backends borrow from modelsearch beyond its public API, pinned and checked.

search/backends/ subclasses modelsearch's backends and overrides or calls a few names that are
not part of its documented API (docs/search.md, *What the adapter borrows from modelsearch*).
modelsearch is pinned in requirements.lock; this test fails loudly, naming the borrowed item,
when an upgrade renames one or changes its signature, instead of searches silently going wrong.
"""

import inspect
import re
from pathlib import Path

import modelsearch
import pytest
from django.db import connection
from django.utils.functional import cached_property
from modelsearch.backends import base
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchQueryCompiler
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

# Reads the demo content (loaded once, after the other tests: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo")

LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"


def _parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_modelsearch_is_the_pinned_version():
    pinned = re.search(r"^modelsearch==([\w.]+)", LOCK.read_text(), re.MULTILINE)
    assert pinned, "modelsearch must be pinned in requirements.lock: search/backends/ relies on its internals"
    assert modelsearch.__version__ == pinned.group(1), (
        f"modelsearch {modelsearch.__version__} is installed but {pinned.group(1)} is pinned: "
        "re-check what search/backends/ borrows (docs/search.md) before changing the pin"
    )


def test_the_results_hooks_we_override_still_exist():
    """SingleMatchSearchResults overrides `_do_search`/`_do_count` and reads these attributes."""
    assert _parameters(base.BaseSearchResults._do_search) == ["self"]
    assert _parameters(base.BaseSearchResults._do_count) == ["self"]
    results = base.BaseSearchResults(backend=None, query_compiler=None)
    for name in ("start", "stop", "_score_field", "query_compiler"):
        assert hasattr(results, name), f"BaseSearchResults no longer sets {name!r}"


def test_the_postgres_compiler_hook_we_override_still_exists():
    assert _parameters(postgres.PostgresSearchQueryCompiler.build_tsquery_content) == [
        "self",
        "query",
        "config",
        "invert",
    ]


def test_the_elasticsearch_internals_we_use_still_exist():
    """LanguageQueryCompiler overrides `_remap_fields`; the engine reads the compiler's mapping and
    query, the backend's index and client (search/engine.py, ElasticsearchEngine)."""
    assert _parameters(Elasticsearch9SearchQueryCompiler._remap_fields) == ["self", "fields"]
    assert hasattr(Elasticsearch9SearchQueryCompiler, "get_query")
    assert "mapping" in inspect.getsource(Elasticsearch9SearchQueryCompiler.__init__)
    assert hasattr(ElasticsearchBaseSearchBackend, "get_index_for_model")
    assert "self.es" in inspect.getsource(ElasticsearchBaseSearchBackend.__init__)


def test_the_sqlite_internals_we_use_still_exist():
    """StemmingSQLiteIndex calls `_refresh_title_norms`; SingleMatchMixin calls the stock compiler's
    `search(config, start, stop, score_field)` for the queries it leaves to it."""
    if connection.vendor != "sqlite":
        pytest.skip("modelsearch's SQLite module can only be imported on SQLite (CI runs both)")
    from modelsearch.backends.database.sqlite import sqlite

    assert _parameters(sqlite.SQLiteIndex._refresh_title_norms) == ["self", "full"]
    assert _parameters(sqlite.SQLiteIndex.add_items) == ["self", "model", "objs"]
    assert _parameters(sqlite.SQLiteSearchQueryCompiler.search) == ["self", "config", "start", "stop", "score_field"]
    assert hasattr(sqlite.SQLiteSearchQueryCompiler, "get_config")
    assert _parameters(sqlite.ObjectIndexer.__init__) == ["self", "obj", "backend"]
    for name in ("title", "body", "autocomplete", "id"):  # StemmingObjectIndexer reads them through super()
        assert isinstance(inspect.getattr_static(sqlite.ObjectIndexer, name), property | cached_property), name
    # The FTS table's rowid is its index entry's id: our MATCH subquery and DELETE rely on it.
    fts = sqlite.SQLiteFTSIndexEntry._meta
    assert fts.pk.name == "index_entry" and fts.pk.db_column == "rowid"


@pytest.mark.django_db
def test_deleting_entries_also_empties_the_full_text_table():
    """StemmingSQLiteIndex deletes index entries with one plain DELETE and counts on modelsearch's
    trigger to remove their full-text rows: a replaced practice must not match its old words."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    from modelsearch.backends.database.sqlite.sqlite import IndexEntry, SQLiteFTSIndexEntry
    from modelsearch.utils import get_content_type_pk
    from wagtail.search.backends import get_search_backend

    from practices.models import PracticePage

    page = PracticePage.objects.live().first()
    index = get_search_backend().get_index_for_model(PracticePage)
    entries = IndexEntry.objects.filter(content_type_id=get_content_type_pk(PracticePage), object_id=str(page.pk))
    before = set(entries.values_list("pk", flat=True))
    index.add_items(PracticePage, [page])
    after = set(entries.values_list("pk", flat=True))
    assert after and not before & after  # replaced, not duplicated
    assert not SQLiteFTSIndexEntry.objects.filter(pk__in=before).exists()
    assert SQLiteFTSIndexEntry.objects.filter(pk__in=after).count() == len(after)

"""Is the search index in step with the database? And is the engine reachable at all?

`compare()` is what `manage.py index_health` and the secretariat's admin page show: per language,
the live practices in the database against the live practices the index holds, with the ids
missing from the index and the stale ones (indexed as live but no longer live, or indexed
before their last publication).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.query import MATCH_ALL
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage

from . import queue

# More live practices per language than this would need the scroll API; today there are hundreds.
MAX_DOCUMENTS = 10_000
PROBE_TIMEOUT = 2
# Elasticsearch keeps dates to the millisecond, the database to the microsecond.
PRECISION = timedelta(milliseconds=1)


@dataclass
class LanguageHealth:
    language: str
    database: int
    index: int
    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)

    @property
    def in_step(self) -> bool:
        return self.database == self.index and not self.missing and not self.stale


@dataclass
class IndexHealth:
    backend: str
    languages: list[LanguageHealth]
    queued: int

    @property
    def in_step(self) -> bool:
        return all(language.in_step for language in self.languages)


def uses_engine(backend_name: str = "default") -> bool:
    return isinstance(get_search_backend(backend_name), ElasticsearchBaseSearchBackend)


def engine_reachable(backend_name: str = "default") -> bool | None:
    """True or False for an external engine (a ping with a short timeout); None for the database."""
    backend = get_search_backend(backend_name)
    if not isinstance(backend, ElasticsearchBaseSearchBackend):
        return None
    try:
        return bool(backend.es.options(request_timeout=PROBE_TIMEOUT).ping())
    except Exception:  # ping answers False for most failures; anything else is unreachable too
        return False


def compare(backend_name: str = "default") -> IndexHealth:
    backend = get_search_backend(backend_name)
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        # Writes become searchable within a second; count what was written, not what is visible yet.
        backend.get_index_for_model(PracticePage).refresh()
    languages = []
    for locale in Locale.objects.order_by("pk"):
        live = PracticePage.objects.live().filter(locale=locale)
        published = dict(live.values_list("pk", "last_published_at"))
        if isinstance(backend, ElasticsearchBaseSearchBackend):
            indexed = _engine_documents(backend, live)
        else:
            indexed = _database_entries(backend, published)
        missing = sorted(set(published) - set(indexed))
        stale = sorted(
            pk
            for pk, indexed_at in indexed.items()
            if pk not in published or (indexed_at and published[pk] and published[pk] - indexed_at > PRECISION)
        )
        languages.append(LanguageHealth(locale.language_code, len(published), len(indexed), missing, stale))
    return IndexHealth(backend_name, languages, queue.pending_count())


def _engine_documents(backend, live) -> dict[int, datetime | None]:
    """What the index holds as live practices of the language: id -> last publication as indexed."""
    results = backend.search(MATCH_ALL, live, order_by_relevance=False)
    response = backend.es.search(
        index=backend.get_index_for_model(PracticePage).name,
        **results._get_es_body(for_count=True),
        _source=False,
        fields=["pk", "last_published_at_filter"],
        size=MAX_DOCUMENTS,
    )
    documents = {}
    for hit in response["hits"]["hits"]:
        published = hit["fields"].get("last_published_at_filter")
        documents[int(hit["fields"]["pk"][0])] = datetime.fromisoformat(published[0]) if published else None
    return documents


def _database_entries(backend, published: dict) -> dict[int, None]:
    """The database backends filter on the pages' own columns: only a missing entry can drift."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    content_type = ContentType.objects.get_for_model(PracticePage)
    entries = IndexEntry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in published])
    return {int(object_id): None for object_id in entries.values_list("object_id", flat=True)}

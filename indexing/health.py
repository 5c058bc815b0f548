"""Is the search index in step with the database? And is the engine reachable at all?

`compare()` is what `manage.py index_health` and the secretariat's admin page show: per language,
the live practices in the database against the live practices the index holds, with the ids
missing from the index and the stale ones (indexed as live but no longer live, or indexed
before their last publication).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage

from . import queue
from .backend import EngineHealthMixin

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


def engine(backend_name: str = "default") -> EngineHealthMixin | None:
    """The external engine's backend, which answers for itself (indexing/backend.py); None for a
    database backend, whose index lives in the database it describes."""
    backend = get_search_backend(backend_name)
    return backend if isinstance(backend, EngineHealthMixin) else None


def uses_engine(backend_name: str = "default") -> bool:
    return engine(backend_name) is not None


def engine_reachable(backend_name: str = "default") -> bool | None:
    """True or False for an external engine (a ping with a short timeout); None for the database."""
    external = engine(backend_name)
    return None if external is None else external.reachable(PROBE_TIMEOUT)


def compare(backend_name: str = "default") -> IndexHealth:
    external = engine(backend_name)
    languages = []
    for locale in Locale.objects.order_by("pk"):
        live = PracticePage.objects.live().filter(locale=locale)
        published = dict(live.values_list("pk", "last_published_at"))
        indexed = _database_entries(published) if external is None else external.indexed_live_practices(live)
        missing = sorted(set(published) - set(indexed))
        stale = sorted(
            pk
            for pk, indexed_at in indexed.items()
            if pk not in published or (indexed_at and published[pk] and published[pk] - indexed_at > PRECISION)
        )
        languages.append(LanguageHealth(locale.language_code, len(published), len(indexed), missing, stale))
    return IndexHealth(backend_name, languages, queue.pending_count())


def _database_entries(published: dict) -> dict[int, None]:
    """The database backends filter on the pages' own columns: only a missing entry can drift."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    content_type = ContentType.objects.get_for_model(PracticePage)
    entries = IndexEntry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in published])
    return {int(object_id): None for object_id in entries.values_list("object_id", flat=True)}

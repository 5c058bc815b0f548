"""The durable queue of index writes the search engine did not take, and its retry.

modelsearch catches every error of an external engine when a saved or deleted object is
written to the index (`modelsearch.index.insert_or_update_object` / `remove_object`: the save
must not fail because Elasticsearch is down) and only logs it, so the index silently goes stale.
Both call `backend.add(obj)` / `backend.delete(obj)`; our Elasticsearch backend
(`indexing.backend.QueuedIndexingMixin`) records the object here when that raises. Database
backends do not catch their errors (the save's transaction fails with them), so nothing is lost
there.

The queue is emptied by `manage.py process_index_queue` (the scheduler runs it every minute)
and, a batch at a time, after the next index write the engine accepts (`drain_soon`).
"""

import logging
from contextvars import ContextVar
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from elastic_transport import TransportError
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance

from .models import IndexQueueEntry

logger = logging.getLogger(__name__)

# After a write the engine accepted, at most this many queued objects are retried at once, after
# the commit of the request that wrote it: a few hundred milliseconds, never a long wait.
DRAIN_BATCH = 20
ERROR_LENGTH = 2000

# Set while the queue is being replayed: a failing retry updates its own entry, and a successful
# one must not start another drain.
replaying: ContextVar[bool] = ContextVar("index_queue_replaying", default=False)


@dataclass
class Outcome:
    indexed: int = 0
    failed: int = 0
    remaining: int = 0


def record(obj, action: str, error: BaseException | str) -> None:
    """Remember that `obj`'s index entry is stale; one row per object (an upsert, so concurrent
    failures for the same page never raise an IntegrityError inside the caller's transaction)."""
    now = timezone.now()
    entry = IndexQueueEntry(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        action=action,
        last_error=_describe(error),
        created_at=now,
        updated_at=now,
    )
    IndexQueueEntry.objects.bulk_create(
        [entry],
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["action", "last_error", "updated_at"],
    )
    logger.warning("Search index write queued for retry: %s %s:%s", action, entry.content_type, entry.object_id)


def pending_count() -> int:
    return IndexQueueEntry.objects.count()


def drain_soon() -> None:
    """After a write the engine accepted: retry a batch of the queue once the request's
    transaction commits (immediately in autocommit). One cheap query when the queue is empty; a
    request that saves several pages schedules several batches, and the later ones find little left."""
    if replaying.get() or not IndexQueueEntry.objects.exists():
        return

    def run():
        try:
            process(limit=DRAIN_BATCH)
        except Exception:  # the request that triggered it has succeeded; never fail it now
            logger.exception("Retrying the search index queue failed")

    transaction.on_commit(run)


def process(*, limit: int | None = None) -> Outcome:
    """Retry queued objects, oldest first, against every engine whose errors modelsearch hides.

    Each object is written as it is now: indexed if it exists and is indexable (a live or draft
    page, as modelsearch indexes them), removed from the index otherwise. Stops at the first
    connection failure (the rest would wait for the same engine).
    """
    backends = [backend for _, backend in get_search_backends_with_name(with_auto_update=True)]
    backends = [backend for backend in backends if backend.catch_indexing_errors]
    outcome = Outcome()
    entries = IndexQueueEntry.objects.select_related("content_type").order_by("created_at", "pk")
    token = replaying.set(True)
    try:
        for entry in entries[:limit] if limit else entries:
            try:
                _replay(entry, backends)
            except Exception as error:
                outcome.failed += 1
                IndexQueueEntry.objects.filter(pk=entry.pk).update(
                    attempts=F("attempts") + 1, last_error=_describe(error), updated_at=timezone.now()
                )
                logger.warning("Search index retry failed for %s", entry, exc_info=True)
                if isinstance(error, TransportError | ConnectionError | TimeoutError):
                    break
            else:
                outcome.indexed += 1
                # Unless the object failed again meanwhile (then its newer state waits).
                IndexQueueEntry.objects.filter(pk=entry.pk, updated_at=entry.updated_at).delete()
    finally:
        replaying.reset(token)
    outcome.remaining = pending_count()
    return outcome


def _replay(entry: IndexQueueEntry, backends) -> None:
    model = entry.content_type.model_class()
    if model is None:  # the model is gone with its app: nothing left to index
        return
    pk = model._meta.pk.to_python(entry.object_id)
    obj = model._default_manager.filter(pk=pk).first()
    indexed = get_indexed_instance(obj) if obj is not None else None
    for backend in backends:
        if indexed is not None:
            backend.add(indexed)
        else:
            backend.delete(model(pk=pk))


def _describe(error: BaseException | str) -> str:
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return text[:ERROR_LENGTH]

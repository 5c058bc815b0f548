"""What our Elasticsearch backend adds for keeping the index in step (see indexing/queue.py).

- Single-object writes (a page saved, published, unpublished, moved or deleted) that fail are
  queued, then re-raised so modelsearch logs them as before; one that succeeds retries a batch
  of the queue. While the search circuit breaker is open (the engine failed moments ago), writes
  go straight to the queue instead of paying the timeout once per saved object.
- Two timeouts: `TIMEOUT` (ELASTICSEARCH_TIMEOUT, a few seconds) for searches and single writes,
  which run inside a request; `INDEX_TIMEOUT` (ELASTICSEARCH_INDEX_TIMEOUT) for bulk writes and
  index management, i.e. `update_index`, which may legitimately take minutes per request.
"""

from datetime import datetime

from elastic_transport import TransportError
from modelsearch.query import MATCH_ALL

from . import queue
from .breaker import breaker
from .models import IndexQueueEntry

DEFAULT_INDEX_TIMEOUT = 300
# More live practices per language than this would need the scroll API; today there are hundreds.
MAX_HEALTH_DOCUMENTS = 10_000


class EngineUnavailable(ConnectionError):
    """Raised instead of calling the engine while the circuit breaker is open."""


class LongTimeoutIndexMixin:
    """Index operations (bulk writes, mappings, aliases, refresh) on the long-timeout client."""

    def __init__(self, backend, name):
        super().__init__(backend, name)
        self.es = backend.indexing_es


class QueuedIndexingMixin:
    def __init__(self, params):
        index_timeout = params.pop("INDEX_TIMEOUT", DEFAULT_INDEX_TIMEOUT)
        super().__init__(params)
        # The same connection pool, another per-request timeout (elasticsearch-py `options()`).
        self.indexing_es = self.es.options(request_timeout=index_timeout)

    def add(self, obj):
        self._write(lambda item: self._request_path_index(item).add_item(item), obj, IndexQueueEntry.Action.INDEX)

    def delete(self, obj):
        self._write(lambda item: self._request_path_index(item).delete_item(item), obj, IndexQueueEntry.Action.DELETE)

    def _request_path_index(self, obj):
        """A single document is written within a request: the short timeout applies."""
        index = self.get_index_for_object(obj)
        index.es = self.es
        return index

    def _write(self, write, obj, action):
        if queue.replaying.get():
            return write(obj)  # the queue's own retry: it keeps its entry up to date
        try:
            if breaker.is_open():
                raise EngineUnavailable("search engine unavailable moments ago (circuit breaker open)")
            write(obj)
        except Exception as error:
            queue.record(obj, action, error)
            if isinstance(error, TransportError):  # unreachable or timed out, not a refused document
                breaker.trip()
            raise
        queue.drain_soon()


class EngineHealthMixin:
    """What `indexing/health.py` asks of an external engine, answered by the engine's backend
    itself: whether it answers at all, and which live practices of a language it holds."""

    def reachable(self, timeout: float) -> bool:
        try:
            return bool(self.es.options(request_timeout=timeout).ping())
        except Exception:  # ping answers False for most failures; anything else is unreachable too
            return False

    def indexed_live_practices(self, live) -> dict[int, datetime | None]:
        """id -> last publication as indexed, for the live pages of `live` (a PracticePage queryset)."""
        index = self.get_index_for_model(live.model)
        # Writes become searchable within a second; count what was written, not what is visible yet.
        index.refresh()
        results = self.search(MATCH_ALL, live, order_by_relevance=False)
        response = self.es.search(
            index=index.name,
            **results._get_es_body(for_count=True),
            _source=False,
            fields=["pk", "last_published_at_filter"],
            size=MAX_HEALTH_DOCUMENTS,
        )
        documents = {}
        for hit in response["hits"]["hits"]:
            published = hit["fields"].get("last_published_at_filter")
            documents[int(hit["fields"]["pk"][0])] = datetime.fromisoformat(published[0]) if published else None
        return documents

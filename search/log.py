"""The search log: counted in the shared cache, written in batches, so a search never costs a
database write.

The batch (core/tally.py) is written, one upsert per distinct term, by whichever worker finds it
holding FLUSH_EVERY searches or FLUSH_SECONDS old. A worker that dies loses nothing: the searches
wait in the shared cache.
"""

from collections import Counter
from datetime import date

from django.db import transaction

from core.tally import BatchedCounter, add_counts

from .backends.analysis import fold
from .models import SearchTermStat

FLUSH_EVERY = 100
FLUSH_SECONDS = 60


def _write(events: Counter) -> int:
    buffer, zero = Counter(), Counter()
    for (day, language, query, without_results), number in events.items():
        buffer[(day, language, query)] += number
        if without_results:
            zero[(day, language, query)] += number
    with transaction.atomic():
        for (day, language, query), searches in buffer.items():
            keys = {"day": day, "language": language, "query": query}
            add_counts(
                SearchTermStat,
                keys=keys,
                increments={"searches": searches, "zero_results": zero[(day, language, query)]},
            )
    return len(buffer)


_counter = BatchedCounter("search-log", _write)


def record_search(*, query: str, language: str, count: int) -> None:
    normalized = " ".join(fold(query).split())[:200]
    if not normalized:
        return
    item = (date.today(), language[:2], normalized, count == 0)
    _counter.record(item, flush_every=FLUSH_EVERY, flush_seconds=FLUSH_SECONDS)


def record_cached_search(request, *, query: str, language: str, count: int) -> None:
    """The same search served again from the page cache (core/pagecache.py) is counted again."""
    record_search(query=query, language=language, count=count)


def discard() -> None:
    """Forgets the searches not yet written (tests start each from a clean slate)."""
    _counter.discard()


def flush() -> int:
    """Writes the counted searches; returns how many distinct terms were written."""
    return _counter.flush()

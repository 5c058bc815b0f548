"""The search log: counted in memory, written in batches, so a search never costs a database write.

Each process keeps a small buffer and writes it (one upsert per distinct term) when it holds
FLUSH_EVERY searches or is FLUSH_SECONDS old, and what is left when the process exits.
A crash loses at most one buffer: acceptable for statistics.
"""

import atexit
import threading
import time
from collections import Counter
from datetime import date

from django.db import transaction
from django.db.models import F

from .backends.analysis import fold

FLUSH_EVERY = 100
FLUSH_SECONDS = 60

_lock = threading.Lock()
_buffer: Counter = Counter()
_zero: Counter = Counter()
_pending = 0
_started = time.monotonic()


def record_search(*, query: str, language: str, count: int) -> None:
    global _pending
    normalized = " ".join(fold(query).split())[:200]
    if not normalized:
        return
    key = (date.today(), language[:2], normalized)
    with _lock:
        _buffer[key] += 1
        if count == 0:
            _zero[key] += 1
        _pending += 1
        due = _pending >= FLUSH_EVERY or time.monotonic() - _started >= FLUSH_SECONDS
    if due:
        flush()


def discard() -> None:
    """Forgets the buffer (tests start each from a clean slate)."""
    global _buffer, _zero, _pending, _started
    with _lock:
        _buffer, _zero, _pending, _started = Counter(), Counter(), 0, time.monotonic()


def flush() -> int:
    """Writes the buffered counts; returns how many distinct terms were written."""
    global _buffer, _zero, _pending, _started
    from .models import SearchTermStat

    with _lock:
        buffer, zero = _buffer, _zero
        _buffer, _zero, _pending, _started = Counter(), Counter(), 0, time.monotonic()
    with transaction.atomic():
        for (day, language, query), searches in buffer.items():
            stat, created = SearchTermStat.objects.get_or_create(
                day=day,
                language=language,
                query=query,
                defaults={"searches": searches, "zero_results": zero[(day, language, query)]},
            )
            if not created:
                SearchTermStat.objects.filter(pk=stat.pk).update(
                    searches=F("searches") + searches, zero_results=F("zero_results") + zero[(day, language, query)]
                )
    return len(buffer)


@atexit.register
def _flush_at_exit():
    try:
        if _pending:
            flush()
    except Exception:  # noqa: BLE001 - the database may already be gone at interpreter exit
        pass

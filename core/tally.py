"""Counts gathered by every worker in the shared cache and written to the database in batches.

The search log (search/log.py) and the practice view counter (stats/counter.py) must not write
to the database on every request, and must not keep their counts inside one process either: with
several gunicorn workers each one would hold its own batch (three times the delay, lost when a
worker is killed). So each counted event takes a numbered slot in the shared cache (one INCR and
one SET), and whichever worker finds the batch full or old writes every slot since the last
write, under a lock in the same cache so that two workers never write the same slots.

Works on any Django cache that every process shares (Redis in production and the tests, the
database cache); with local memory (`make run`, one process) it degrades to a per-process buffer.

`BatchedCounter` is the whole rule (count, flush when due, forget); `add_counts` is the one way a
batch lands in a table: UPDATE … SET n = n + k, an INSERT the first time.
"""

import time
from collections import Counter
from collections.abc import Callable, Hashable

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

# Slots are written to the database long before this; it only bounds what an idle site keeps.
SLOT_SECONDS = 24 * 60 * 60
# A slot numbered but not yet written (another worker between its INCR and its SET) is waited
# for when it is among the newest ones; further back its writer died, and it is skipped.
LATE_SLOTS = 20
LOCK_SECONDS = 60


class SharedTally:
    def __init__(self, name: str):
        self.prefix = f"tally:{name}"

    def _key(self, part) -> str:
        return f"{self.prefix}:{part}"

    def add(self, item: Hashable, *, flush_every: int, flush_seconds: float) -> bool:
        """Counts one event; says whether the batch is now due for writing."""
        try:
            number = cache.incr(self._key("next"))
        except ValueError:  # the first event, or the counter was evicted: start again after `done`
            cache.add(self._key("next"), cache.get(self._key("done"), 0), None)
            number = cache.incr(self._key("next"))
        cache.set(self._key(number), item, SLOT_SECONDS)
        state = cache.get_many([self._key("done"), self._key("since")])
        since = state.get(self._key("since"))
        if since is None:
            cache.add(self._key("since"), time.time(), None)
            since = time.time()
        return number - state.get(self._key("done"), 0) >= flush_every or time.time() - since >= flush_seconds

    def flush(self, write: Callable[[Counter], int]) -> int:
        """Passes the events counted since the last write to `write` (item → number), as one
        worker at a time; returns what `write` returns (0 when there was nothing, or another
        worker is writing)."""
        lock = self._key("lock")
        if not cache.add(lock, 1, LOCK_SECONDS):
            return 0
        try:
            done = cache.get(self._key("done"), 0)
            last = cache.get(self._key("next"), 0)
            if last < done:  # the counter was evicted and started again
                done = 0
            numbers = range(done + 1, last + 1)
            found = cache.get_many([self._key(number) for number in numbers])
            missing = [number for number in numbers if self._key(number) not in found]
            late = [number for number in missing if number > last - LATE_SLOTS]
            tally = Counter(found.values())
            written = write(tally) if tally else 0
            # Written slots are deleted, so reading them again later counts nothing twice.
            cache.delete_many(list(found))
            cache.set(self._key("done"), (late[0] - 1) if late else last, None)
            cache.set(self._key("since"), time.time(), None)
            return written
        finally:
            cache.delete(lock)

    def discard(self) -> None:
        """Forgets every event not yet written (tests start each from a clean slate)."""
        last = cache.get(self._key("next"), 0)
        done = cache.get(self._key("done"), 0)
        cache.delete_many([self._key(number) for number in range(min(done, last) + 1, last + 1)])
        cache.delete_many([self._key(part) for part in ("next", "done", "since", "lock")])


class BatchedCounter:
    """Events counted in the shared cache and handed to `write` (item → number) in batches, when
    `flush_every` events are waiting or the oldest is `flush_seconds` old."""

    def __init__(self, name: str, write: Callable[[Counter], int]):
        self.tally = SharedTally(name)
        self.write = write

    def record(self, item: Hashable, *, flush_every: int, flush_seconds: float) -> None:
        # The thresholds are read at each call: the callers' settings (and tests) may change them.
        if self.tally.add(item, flush_every=flush_every, flush_seconds=flush_seconds):
            self.flush()

    def flush(self) -> int:
        """Writes the waiting events now; returns what `write` returned (how many rows it wrote)."""
        return self.tally.flush(self.write)

    def discard(self) -> None:
        """Forgets the events not yet written (tests start each from a clean slate)."""
        self.tally.discard()


def add_counts(model, *, keys: dict, increments: dict) -> None:
    """Adds `increments` (field → number) to the row of `model` identified by `keys` (a unique
    constraint), creating it the first time; when another process inserted it between the UPDATE
    and the INSERT, the UPDATE runs again. Call inside a transaction."""
    rows = model.objects.filter(**keys)
    added = {name: F(name) + number for name, number in increments.items()}
    if rows.update(**added):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **increments)
    except IntegrityError:
        rows.update(**added)

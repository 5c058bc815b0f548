"""The practice view counter: counted in the shared cache, written in batches, like the search log
(search/log.py; the batching itself is core/tally.py).

A view is counted when an anonymous visitor's browser GETs a live practice page and it is served
(200, past Wagtail's privacy check: stats/wagtail_hooks.py): not a bot (a
plain user-agent check), not a preview, not a logged-in person (editors reading their own work
would swamp the figures). What is kept is only (day, page id) → number; the request itself
(address, cookies, user agent) is looked at and forgotten.

The batch is written (one UPDATE … SET views = views + n per page and day, an INSERT the first
time) by whichever worker finds it holding FLUSH_EVERY views or FLUSH_SECONDS old. A worker that
dies loses nothing: the views wait in the shared cache.
"""

import re
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from core.tally import BatchedCounter, add_counts
from practices.models import PracticePage

from .models import PracticeView

FLUSH_EVERY = 100
FLUSH_SECONDS = 60

# Crawlers, link previews, monitors and command-line clients. Not exhaustive, and need not be:
# the figures compare practices with each other, and bots that pose as browsers hit all alike.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|curl|wget|python|httpx|"
    r"go-http|java/|okhttp|libwww|headless|lighthouse|pingdom|uptime|monitor|scan|check",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent))


def should_count(page, request) -> bool:
    if request.method != "GET" or not isinstance(page, PracticePage):
        return False
    if getattr(request, "is_preview", False) or is_bot(request.headers.get("User-Agent", "")):
        return False
    # Only a request with a session cookie can belong to a logged-in person: for the others,
    # reading request.user would cost nothing anyway, but this keeps it obvious.
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return False
    return True


def _write(buffer: Counter) -> int:
    # A page deleted since it was read has nothing left to count (and its foreign key would fail).
    existing = set(Page.objects.filter(pk__in={page_id for _, page_id in buffer}).values_list("pk", flat=True))
    written = 0
    with transaction.atomic():
        for (day, page_id), views in buffer.items():
            if page_id not in existing:
                continue
            written += 1
            add_counts(PracticeView, keys={"page_id": page_id, "day": day}, increments={"views": views})
    return written


_counter = BatchedCounter("practice-views", _write)


def record_view(page_id: int) -> None:
    _counter.record((timezone.localdate(), page_id), flush_every=FLUSH_EVERY, flush_seconds=FLUSH_SECONDS)


def count_cached_view(request, *, page_id: int) -> None:
    """A practice page served from the page cache (core/pagecache.py: only to visitors without a
    session, never a preview) is counted like one rendered, bots left out."""
    if request.method == "GET" and not is_bot(request.headers.get("User-Agent", "")):
        record_view(page_id)


def discard() -> None:
    """Forgets the views not yet written (tests start each from a clean slate)."""
    _counter.discard()


def flush() -> int:
    """Writes the counted views; returns how many (page, day) numbers were written."""
    return _counter.flush()

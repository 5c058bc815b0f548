"""Whole public pages served from the shared cache to visitors without a session.

Anonymous visitors see the same home, practice, institution, topic, selection, meeting and roadmap
pages, search pages, feeds and sitemap as everyone else, yet each was rebuilt from the database on
every request (issue 16). This middleware keeps the rendered response in the shared cache (Redis in
production) and answers the next anonymous request for the same address from it, before sessions,
authentication or the database are touched (0 SQL statements).

What is stored: a 200 response to a GET whose view is listed in `PAGE_CACHE_URL_NAMES`, that sets no
cookie and did not ask for a CSRF token (a per-visitor token in shared HTML would be wrong for
everyone else: the public forms on these pages are CSRF-exempt instead, see exchange/views.py and
alerts/views.py), requested without a session cookie (logged-in editors, people past a page's
password, anyone with a flash message never read from or write to it). Previews live under /admin/
and are never listed.

When it is forgotten: every key carries a site-wide generation number; any write to a model that
public pages show (everything but the bookkeeping in `PAGE_CACHE_IGNORED_MODELS`) increments it, at
once and again when the transaction commits (so a page rendered between the write and the commit
is not kept). Publishing, unpublishing, moving, a vocabulary, translation or image edit therefore
refresh every page; on a site where the secretariat publishes a few times a day that costs little
and can never show a stale count. Entries also expire after `PAGE_CACHE_SECONDS`, for what changes
with time alone (scheduled publishing runs through a save, so it bumps too).

What a cached page still does: work a view does *per request* besides rendering (the practice view
counter, the search log) is recorded with `replay_on_hit()` while the page is first built and
replayed on each hit, from the cache, without SQL.

Front caches: responses carry an ETag (a conditional request gets 304) and
`Cache-Control: public, max-age=0, s-maxage=<PAGE_CACHE_SHARED_SECONDS>`: a proxy or CDN may keep a
page for that short time, browsers revalidate (docs/operations.md, *Page cache*).
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, quote_etag
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# What Wagtail writes on a page when a draft is saved, locked or submitted: nothing public changes.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "draft_title",
        "has_unpublished_changes",
        "latest_revision_created_at",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
    }
)
REPLAY_ATTRIBUTE = "_page_cache_replay"


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, None)


def bump(**kwargs) -> None:
    """Forget every cached page (a new generation makes the old keys unreachable; they expire)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set (or evicted): any new value differs from what keys carry
        cache.add(GENERATION_KEY, int(time.time()), None)


def _bump_now_and_on_commit(sender, update_fields=None, **kwargs) -> None:
    if _ignored(sender) or (update_fields and set(update_fields) <= DRAFT_FIELDS):
        return
    bump()
    transaction.on_commit(bump)


def _ignored(model) -> bool:
    meta = model._meta
    ignored = settings.PAGE_CACHE_IGNORED_MODELS
    return meta.app_label in ignored or meta.label_lower in ignored


def connect() -> None:
    """Called once from the site's AppConfig.ready (home/apps.py), so commands bump too."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_bump_now_and_on_commit, dispatch_uid=f"pagecache-{signal!r}")


def replay_on_hit(request, function: str, **kwargs) -> None:
    """Ask that `function(request, **kwargs)` (a dotted path) also run when this page is served
    from the cache: per-request work such as counting a view."""
    calls = getattr(request, REPLAY_ATTRIBUTE, None)
    if calls is None:
        calls = []
        setattr(request, REPLAY_ATTRIBUTE, calls)
    calls.append((function, kwargs))


def _may_use_cache(request) -> bool:
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    signed_in = settings.SESSION_COOKIE_NAME in cookies or "Authorization" in request.headers
    return not signed_in and "messages" not in cookies


def _key(request, number: int) -> str:
    address = f"{request.get_host()}|{request.path}|{request.META.get('QUERY_STRING', '')}"
    return f"pagecache:{number}:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_store(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page carries a visitor's token
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
        and match is not None
        and match.url_name in settings.PAGE_CACHE_URL_NAMES
    )


def _shared_headers(response, etag: str) -> None:
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}"


class AnonymousPageCache:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        key = _key(request, generation())
        entry = cache.get(key)
        if entry is not None:
            return self._from_cache(request, entry)
        response = self.get_response(request)
        if _may_store(request, response):
            etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
            _shared_headers(response, etag)
            response["Last-Modified"] = http_date()
            headers = {k: v for k, v in response.items() if k.lower() not in ("set-cookie",)}
            entry = (response.content, headers, getattr(request, REPLAY_ATTRIBUTE, []))
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response

    def _from_cache(self, request, entry):
        content, headers, replays = entry
        for function, kwargs in replays:
            try:
                import_string(function)(request, **kwargs)
            except Exception:  # counting must never cost the visitor her page
                logger.exception("Page cache replay %s failed", function)
        if request.headers.get("If-None-Match") == headers.get("ETag"):
            response = HttpResponseNotModified()
            response["ETag"] = headers["ETag"]
            response["Cache-Control"] = headers.get("Cache-Control", "")
            return response
        response = HttpResponse(b"" if request.method == "HEAD" else content)
        for name, value in headers.items():
            response[name] = value
        response["Age"] = "0"
        return response

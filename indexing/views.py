"""The secretariat's page on the search index: counts per language, missing and stale ids, the queue."""

from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_required

from . import health
from .breaker import ENGINE_ERRORS
from .models import IndexQueueEntry

PERMISSION = "indexing.view_index_health"
SHOWN_ENTRIES = 50


def may_see_index_health(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(PERMISSION)


@permission_required(PERMISSION)
def index_health(request):
    try:
        report = health.compare()
    except ENGINE_ERRORS:  # the engine is down: say so, and show the queue that waits for it
        report = None
    entries = IndexQueueEntry.objects.select_related("content_type").order_by("created_at")[:SHOWN_ENTRIES]
    context = {
        "report": report,
        "reachable": health.engine_reachable(),
        "entries": entries,
        "queued": IndexQueueEntry.objects.count(),
    }
    return TemplateResponse(request, "indexing/index_health.html", context)

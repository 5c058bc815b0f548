from django.db import Error as DatabaseError
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static

from indexing import health as index_health
from indexing import queue


def health(request):
    """For container health checks and monitoring (docs/operations.md, *Health*).

    503 only when the database does not answer: nothing works then, and restarting the web
    container may help. A search engine that is down gives 200 with status "degraded": search
    answers from the database meanwhile, and restarting the web container would not bring the
    engine back (it would only take the site down with it).
    """
    database = _database_answers()
    engine = index_health.engine_reachable()
    body = {
        "status": "ok",
        "database": "ok" if database else "unreachable",
        "search": {
            "engine": "database" if engine is None else "elasticsearch",
            "state": "unreachable" if engine is False else "ok",
        },
        "index_queue": queue.pending_count() if database else None,
    }
    if not database:
        body["status"] = "down"
    elif engine is False or body["index_queue"]:
        body["status"] = "degraded"
    response = JsonResponse(body, status=200 if database else 503)
    response["Cache-Control"] = "no-store"
    return response


def _database_answers() -> bool:
    # A real round trip on the connection this worker keeps (CONN_MAX_AGE): ensure_connection()
    # would report a kept connection whose server has gone as fine.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def about(request):
    """About the platform: what it is, who runs it, its open data and its accessibility statement
    (a section of this page, `#accessibility`, linked from every footer)."""
    return render(request, "home/about.html")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says: the static icon.
    A temporary redirect kept a day, not a permanent one: the target's hashed name changes with the icon."""
    response = HttpResponseRedirect(static("img/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response

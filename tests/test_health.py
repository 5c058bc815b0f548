"""/healthz: the database tested for real, the search engine and the index queue reported."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from indexing.models import IndexQueueEntry
from practices.models import PracticePage
from tests.search.test_engine_down import closed_port_url


def test_health_answers_without_a_language_prefix_and_reports_each_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "search": {"engine": "database", "state": "ok"},
        "index_queue": 0,
    }
    assert response["Cache-Control"] == "no-store"


def test_health_answers_503_when_the_kept_database_connection_is_dead(client):
    """The worker keeps its connection (CONN_MAX_AGE): the database going away must show at once."""
    kept = connection.connection
    dead = connection.get_new_connection(connection.get_connection_params())
    if connection.vendor == "postgresql":  # the server ends the session, as on a restart
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [dead.info.backend_pid])
    else:
        dead.close()
    connection.connection = dead
    try:
        response = client.get("/healthz")
    finally:
        connection.connection = kept
        connection.errors_occurred = False
        dead.close()
    assert response.status_code == 503
    assert response.json() == {
        "status": "down",
        "database": "unreachable",
        "search": {"engine": "database", "state": "ok"},
        "index_queue": None,
    }


def test_health_is_degraded_but_200_when_the_engine_is_down_and_counts_the_queue(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [closed_port_url()], "INDEX": "test_health"},
        "database": settings.WAGTAILSEARCH_BACKENDS["default"],
    }
    now = timezone.now()
    IndexQueueEntry.objects.create(
        content_type=ContentType.objects.get_for_model(PracticePage),
        object_id="1",
        action="index",
        created_at=now,
        updated_at=now,
    )
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "search": {"engine": "elasticsearch", "state": "unreachable"},
        "index_queue": 1,
    }

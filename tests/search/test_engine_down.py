"""When Elasticsearch is down, slow or failing: answers from the database index, a notice, no 500."""

import json
import socket

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from indexing.models import IndexQueueEntry
from practices.models import InstitutionPage, PracticePage
from search.engine import breaker
from tests.factories import make_practice

from .osmem import PlainJsonNode

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


@pytest.fixture
def production_shape(settings, osmem_server):
    """Elasticsearch as the default backend and the database index beside it, as in production."""
    clone = osmem_server.clone()
    database = settings.WAGTAILSEARCH_BACKENDS["default"]

    def point_at(url):
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [url],
                "INDEX": "test_buenaspracticas",
                "TIMEOUT": 30,  # the bulk index below, on a busy machine; failures here are refusals, not waits
                "OPTIONS": {"node_class": PlainJsonNode, "max_retries": 0, "retry_on_timeout": False},
            },
            "database": database,
        }

    point_at(clone.url)
    call_command("update_index", backend_name="default", verbosity=0)
    yield clone, point_at
    clone.close()


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    return json.loads(response.content)


def test_search_answers_from_the_database_with_a_notice_when_the_engine_is_down(client, production_shape):
    clone, _ = production_shape
    assert api(client, q="rezago")["degraded"] is False
    clone.close()
    data = api(client, q="rezago")
    assert data["degraded"] is True and data["count"] > 0
    html = client.get("/es/buscar/", {"q": "rezago"}).content.decode()
    assert "no está respondiendo" in html, html[html.find("<main") : html.find("<main") + 1500]
    assert client.get("/api/autocomplete/", {"q": "Méx"}).status_code == 200
    page = PracticePage.objects.live().filter(locale=Locale.objects.get(language_code="es")).first()
    assert client.get(page.get_url()).status_code == 200  # related practices fall back too


def test_the_breaker_stops_paying_the_timeout_on_every_request(client, production_shape, monkeypatch):
    clone, _ = production_shape
    clone.close()
    api(client, q="rezago")
    assert breaker.is_open()
    from wagtail.search.backends import get_search_backend

    calls = []
    backend_class = type(get_search_backend("default"))
    original = backend_class.query_compiler_class
    monkeypatch.setattr(backend_class, "query_compiler_class", lambda *a, **k: calls.append(1) or original(*a, **k))
    for _ in range(3):
        assert api(client, q="rezago")["degraded"] is True
    assert calls == []


def closed_port_url() -> str:
    """An address where nothing listens: the engine as the web process sees it when it is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def found(client, page, **params) -> bool:
    hits = api(client, **params)
    assert hits["degraded"] is False, "the engine answers again"
    return page.pk in {r["id"] for r in hits["results"]}


def test_publishing_while_the_engine_is_down_loses_nothing(client, production_shape, es):
    """No update_index: the queue of refused writes catches the index up once the engine is back."""
    clone, point_at = production_shape
    point_at(closed_port_url())
    institution = InstitutionPage.objects.get(locale=es, country__iso2="SV")
    page = make_practice(institution, title="Ventanilla única de recepción nocturna", summary="Atención nocturna.")
    assert page.live
    assert IndexQueueEntry.objects.filter(object_id=str(page.pk)).exists()
    hits = api(client, q="ventanilla nocturna")
    assert hits["degraded"] is True and page.pk in {r["id"] for r in hits["results"]}

    # The same engine, with its index, answers again; the breaker's 30 s have passed.
    point_at(clone.url)
    breaker.reset()
    assert not found(client, page, q="ventanilla nocturna")  # stale until the queue is replayed
    call_command("process_index_queue", verbosity=0)
    assert IndexQueueEntry.objects.count() == 0

    assert found(client, page, q="ventanilla nocturna", country="SV")
    html = client.get("/es/buscar/", {"q": "ventanilla nocturna", "country": "SV"}).content.decode()
    assert "Ventanilla única de recepción nocturna" in html and "no está respondiendo" not in html
    export = client.get("/api/export.json", {"q": "ventanilla nocturna", "country": "SV"})
    data = json.loads(b"".join(export.streaming_content))
    assert data["degraded"] is False and page.pk in {r["id"] for r in data["results"]}
    detail = client.get(f"/api/v2/practices/{page.pk}/")
    assert detail.status_code == 200


def test_unpublishing_and_deleting_while_the_engine_is_down_reach_the_index(client, production_shape, es):
    clone, point_at = production_shape
    institution = InstitutionPage.objects.get(locale=es, country__iso2="SV")
    kept = make_practice(institution, title="Brigada fluvial de registro", summary="Registro en el río.")
    deleted = make_practice(institution, title="Brigada fluvial de entrevistas", summary="Entrevistas en el río.")
    assert found(client, kept, q="brigada fluvial") and found(client, deleted, q="brigada fluvial")

    point_at(closed_port_url())
    kept.unpublish()
    deleted_pk = deleted.pk
    deleted.delete()
    actions = dict(IndexQueueEntry.objects.values_list("object_id", "action"))
    assert actions[str(kept.pk)] == "index" and actions[str(deleted_pk)] == "delete"

    point_at(clone.url)
    breaker.reset()
    call_command("process_index_queue", verbosity=0)
    hits = api(client, q="brigada fluvial")
    assert hits["degraded"] is False and {r["id"] for r in hits["results"]} & {kept.pk, deleted_pk} == set()
    assert IndexQueueEntry.objects.count() == 0


def test_the_next_accepted_write_retries_the_queue(client, production_shape, es, django_capture_on_commit_callbacks):
    clone, point_at = production_shape
    institution = InstitutionPage.objects.get(locale=es, country__iso2="SV")
    point_at(closed_port_url())
    waiting = make_practice(institution, title="Ventanilla única de recepción nocturna", summary="Atención nocturna.")
    assert IndexQueueEntry.objects.filter(object_id=str(waiting.pk)).exists()

    point_at(clone.url)
    breaker.reset()
    with django_capture_on_commit_callbacks(execute=True):
        make_practice(institution, title="Oficina móvil de frontera", summary="Atención en frontera.")
    assert IndexQueueEntry.objects.count() == 0
    assert found(client, waiting, q="ventanilla nocturna", country="SV")


def test_a_retry_that_fails_again_keeps_the_entry_and_counts_it(production_shape, es):
    clone, point_at = production_shape
    institution = InstitutionPage.objects.get(locale=es, country__iso2="SV")
    point_at(closed_port_url())
    page = make_practice(institution, title="Ventanilla única de recepción nocturna", summary="Atención nocturna.")
    waiting = IndexQueueEntry.objects.count()
    with pytest.raises(CommandError):
        call_command("process_index_queue", verbosity=0)
    entry = IndexQueueEntry.objects.order_by("created_at").first()
    assert IndexQueueEntry.objects.count() == waiting
    assert entry.attempts == 1 and "ConnectionError" in entry.last_error
    assert IndexQueueEntry.objects.filter(object_id=str(page.pk)).count() == 1  # one row per object

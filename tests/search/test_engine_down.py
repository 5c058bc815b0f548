"""When Elasticsearch is down, slow or failing: answers from the database index, a notice, no 500."""

import json

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from practices.models import InstitutionPage, PracticePage
from search.engine import breaker
from tests.factories import make_practice

from .osmem import PlainJsonNode


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


def test_publishing_while_the_engine_is_down_loses_nothing(client, production_shape, osmem_server, es):
    clone, point_at = production_shape
    clone.close()
    institution = InstitutionPage.objects.get(locale=es, country__iso2="SV")
    page = make_practice(institution, title="Ventanilla única de recepción nocturna", summary="Atención nocturna.")
    assert page.live
    hits = api(client, q="ventanilla nocturna")
    assert hits["degraded"] is True and page.pk in {r["id"] for r in hits["results"]}
    # The engine comes back (a new, empty one); the index catches up with update_index.
    revived = osmem_server.clone()
    try:
        point_at(revived.url)
        breaker.reset()
        call_command("update_index", backend_name="default", verbosity=0)
        hits = api(client, q="ventanilla nocturna")
        assert hits["degraded"] is False and page.pk in {r["id"] for r in hits["results"]}
    finally:
        revived.close()

"""Exports page through the configured search engine: also on Elasticsearch (osmem), batch by batch."""

import json

import pytest
from django.core.management import call_command

from tests.search.conftest import _closed_breaker, elasticsearch_backend  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_backend")
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            "default": settings.WAGTAILSEARCH_BACKENDS["elasticsearch"],
        }
        call_command("update_index", backend_name="default", verbosity=0)
    return request.param


@pytest.mark.parametrize(
    "params",
    [{}, {"country": "AR,CL"}, {"q": "entrevista"}, {"topic": "digitalizacion", "sort": "year"}, {"kind": "lesson"}],
)
def test_export_equals_the_search_on_each_engine(client, settings, engine, params):
    settings.OPENDATA_EXPORT_BATCH_SIZE = 7  # several batches, so the engine is paged through
    search = client.get("/api/search/", {**params, "page_size": 100}).json()
    response = client.get("/api/export.json", params)
    assert "X-Search-Degraded" not in response
    data = json.loads(b"".join(response.streaming_content))
    assert data["degraded"] is False
    assert data["count"] == search["count"] == len(data["results"]) > 0
    assert [r["id"] for r in data["results"]] == [r["id"] for r in search["results"]]

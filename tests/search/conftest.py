import os

import pytest
from wagtail.search.backends import get_search_backend


@pytest.fixture
def elasticsearch_backend(request, settings):
    """The real elasticsearch9 backend and client, against an osmem clone (or ELASTICSEARCH_URL when set)."""
    url = os.environ.get("ELASTICSEARCH_URL")
    options = {}
    if not url:
        from .osmem import PlainJsonNode

        url = request.getfixturevalue("osmem_clone").url
        options["node_class"] = PlainJsonNode
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "elasticsearch": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX": "test_buenaspracticas",
            # Bulk indexing on a busy 2-core machine (30 s timed out at load 20); the request-path
            # timeout is tested apart.
            "TIMEOUT": 120,
            "OPTIONS": options,
            "AUTO_UPDATE": False,
        },
    }
    return get_search_backend("elasticsearch")


@pytest.fixture(autouse=True)
def _closed_breaker():
    from search.engine import breaker

    breaker.reset()
    yield
    breaker.reset()


@pytest.fixture(params=["database", "elasticsearch"])
def backend_name(request, settings):
    """Runs a test once on the run's database backend and once with Elasticsearch as the default."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_backend")
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            "default": settings.WAGTAILSEARCH_BACKENDS["elasticsearch"],
        }
    return request.param

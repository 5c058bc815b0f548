"""`make bench`: development settings without DEBUG (no query log, production-like templates),
plus the naive search view the bench compares against, and osmem when BENCH_OSMEM_URL is set."""

import os

from .dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "config.bench_urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}

if os.environ.get("BENCH_OSMEM_URL"):
    from tests.search.osmem import PlainJsonNode

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [os.environ["BENCH_OSMEM_URL"]],
            "INDEX": "bench",
            "TIMEOUT": 300,  # bulk indexing 10,000 documents into osmem on a busy machine
            # osmem refuses the client's vendor content type (tests/search/osmem.py).
            "OPTIONS": {"node_class": PlainJsonNode},
        },
        "database": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True},
    }

# The load run's server for uncached search pages (search/management/commands/bench.py).
if os.environ.get("BENCH_PAGE_CACHE") == "0":
    PAGE_CACHE_SECONDS = 0

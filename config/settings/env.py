"""Reading settings from the environment (12-factor), with typed helpers."""

import os

import dj_database_url


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_env(default_url: str, *, conn_max_age: int = 0) -> dict:
    """DATABASE_URL, SQLite file by default.

    Connections are closed after each request unless the caller asks otherwise
    (`DATABASE_CONN_MAX_AGE` wins over both): a kept connection belongs to the thread that opened
    it, and the threaded dev server starts a thread per request, so `CONN_MAX_AGE=60` there left
    one idle connection per request until PostgreSQL refused new clients ("too many clients").
    Production runs gunicorn sync workers (one thread each): config/settings/production.py."""
    conn_max_age = int(os.environ.get("DATABASE_CONN_MAX_AGE", conn_max_age))
    config = dj_database_url.parse(
        os.environ.get("DATABASE_URL") or default_url, conn_max_age=conn_max_age, conn_health_checks=conn_max_age > 0
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # The embedded default must tolerate the dev server and a management
        # command writing at the same time without "database is locked".
        config.setdefault("OPTIONS", {})
        config["OPTIONS"].setdefault("timeout", 20)
        # A deferred transaction that reads, then writes, cannot wait for the lock: SQLite answers
        # "database is locked" at once (the admin's autosave saving while the editor publishes).
        # Taking the write lock at BEGIN makes the second writer wait for `timeout` instead.
        config["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
        config["CONN_MAX_AGE"] = 0
    return config


def search_backends_from_env() -> dict:
    """SEARCH_BACKEND=database (default) or elasticsearch, with ELASTICSEARCH_URL."""
    backend = os.environ.get("SEARCH_BACKEND", "database").strip().lower()
    # Wagtail's database backend with our language adapters (search/backends/database.py).
    database = {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}
    if backend in {"elasticsearch", "elasticsearch9"}:
        return {
            "default": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": env_list("ELASTICSEARCH_URL", "http://localhost:9200"),
                "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "buenaspracticas"),
                # Short timeouts and no retries on the request path: a slow
                # engine must not hold a web worker for tens of seconds.
                "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "3")),
                # update_index and other bulk writes: minutes may be normal (indexing/backend.py).
                "INDEX_TIMEOUT": int(os.environ.get("ELASTICSEARCH_INDEX_TIMEOUT", "300")),
                "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
                "AUTO_UPDATE": True,
            },
            # Kept up to date as a second index, for answering from the database when the
            # engine is down (the fallback itself comes with the faceted search, issue 4).
            "database": database,
        }
    return {"default": database}


# Backends that live inside one process: fine for `make run`, wrong wherever several workers
# must share rate limits, the circuit breaker and invalidations (production refuses them).
PER_PROCESS_CACHES = frozenset(
    {"django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"}
)


def cache_from_env(default_url: str) -> dict:
    """CACHE_URL: redis://host:port/db (shared, production and tests), db://table (Django's
    database cache; needs `manage.py createcachetable`), locmem:// (one process, development)
    or dummy:// (no cache)."""
    url = os.environ.get("CACHE_URL") or default_url
    scheme, _, rest = url.partition("://")
    scheme = scheme.lower()
    if scheme in {"redis", "rediss"}:
        # One socket timeout: an unreachable Redis costs a request a second, not a minute, and the
        # resilient backend then serves without it instead of failing (core/cache.py).
        return {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": rest.strip("/") or "django_cache"}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest or "default"}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ValueError(f"CACHE_URL: unknown scheme {scheme!r} (redis://, rediss://, db://, locmem:// or dummy://)")

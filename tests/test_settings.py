import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def import_production_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "CACHE_URL"}}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_production_settings(ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_key():
    result = import_production_settings(SECRET_KEY="django-insecure-dev-only-key", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


PRODUCTION_KEY = "a-random-production-key-" * 3


def test_production_starts_with_a_real_key():
    result = import_production_settings(
        SECRET_KEY=PRODUCTION_KEY, ALLOWED_HOSTS="example.org", CACHE_URL="redis://redis:6379/0"
    )
    assert result.returncode == 0, result.stderr


def test_production_refuses_a_cache_of_its_own_per_worker():
    for url in (None, "locmem://", "dummy://"):
        env = {"SECRET_KEY": PRODUCTION_KEY, "ALLOWED_HOSTS": "example.org"} | ({"CACHE_URL": url} if url else {})
        result = import_production_settings(**env)
        assert result.returncode != 0, url
        assert "CACHE_URL must name a cache that every worker shares" in result.stderr
    result = import_production_settings(SECRET_KEY=PRODUCTION_KEY, ALLOWED_HOSTS="example.org", CACHE_URL="db://cache")
    assert result.returncode == 0, result.stderr


def test_cache_url_names_redis_the_database_cache_or_local_memory(monkeypatch):
    from config.settings.env import cache_from_env

    monkeypatch.setenv("CACHE_URL", "redis://cache.internal:6380/3")
    assert cache_from_env("locmem://")["BACKEND"] == "core.cache.ResilientRedisCache"
    assert cache_from_env("locmem://")["LOCATION"] == "redis://cache.internal:6380/3"
    monkeypatch.setenv("CACHE_URL", "db://site_cache")
    assert cache_from_env("locmem://") == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "site_cache",
    }
    monkeypatch.delenv("CACHE_URL")
    assert cache_from_env("locmem://")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    monkeypatch.setenv("CACHE_URL", "memcached://x")
    with pytest.raises(ValueError, match="unknown scheme"):
        cache_from_env("locmem://")


def test_the_tests_run_on_the_real_redis():
    from django.conf import settings
    from django.core.cache import cache

    assert settings.CACHES["default"]["BACKEND"] == "core.cache.ResilientRedisCache"
    cache.set("settings-test", 1, 5)
    assert cache.get("settings-test") == 1


def test_connections_are_not_kept_by_default_and_checked_when_they_are(monkeypatch):
    """A kept connection belongs to its thread: the threaded dev server would leave one per
    request open (PostgreSQL's "too many clients"); gunicorn's sync workers reuse theirs."""
    from config.settings.env import database_from_env

    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db:5432/bp")
    assert database_from_env("sqlite:///x.db")["CONN_MAX_AGE"] == 0
    kept = database_from_env("sqlite:///x.db", conn_max_age=60)
    assert kept["CONN_MAX_AGE"] == 60 and kept["CONN_HEALTH_CHECKS"] is True
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")
    assert database_from_env("sqlite:///x.db", conn_max_age=60)["CONN_MAX_AGE"] == 0


def test_database_and_search_backend_come_from_the_environment():
    from config.settings.env import database_from_env, search_backends_from_env

    os.environ["DATABASE_URL"], saved = "postgres://u:p@db:5432/bp", os.environ.get("DATABASE_URL")
    try:
        assert database_from_env("sqlite:///x.db")["ENGINE"] == "django.db.backends.postgresql"
    finally:
        os.environ.pop("DATABASE_URL")
        if saved is not None:
            os.environ["DATABASE_URL"] = saved
    assert database_from_env("sqlite:///x.db")["ENGINE"] == "django.db.backends.sqlite3" or saved
    os.environ["SEARCH_BACKEND"], os.environ["ELASTICSEARCH_URL"] = "elasticsearch", "http://es:9200"
    try:
        backends = search_backends_from_env()
        assert backends["default"]["BACKEND"] == "search.backends.elasticsearch"
        assert backends["default"]["URLS"] == ["http://es:9200"]
    finally:
        del os.environ["SEARCH_BACKEND"], os.environ["ELASTICSEARCH_URL"]
    assert search_backends_from_env()["default"]["BACKEND"] == "search.backends.database"

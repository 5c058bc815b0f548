import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def import_production_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
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


def test_production_starts_with_a_real_key():
    result = import_production_settings(SECRET_KEY="a-random-production-key-" * 3, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr


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

"""What one process puts in the shared cache, another sees: another Python process stands in for
a second gunicorn worker, on the same Redis database as the test run."""

import os
import subprocess
import sys
from pathlib import Path

from search.engine import breaker
from stats import counter
from stats.models import PracticeView
from tests.factories import make_practice

ROOT = Path(__file__).resolve().parents[1]


def in_another_worker(code: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr


def test_views_counted_by_another_worker_are_written_by_this_one(institution):
    page = make_practice(institution)  # the other worker only counts in Redis: it need not see the page
    in_another_worker(f"from stats import counter; counter.record_view({page.pk}); counter.record_view({page.pk})")
    counter.record_view(page.pk)
    assert counter.flush() == 1
    assert PracticeView.objects.get(page=page).views == 3
    assert counter.flush() == 0  # written once, by one worker


def test_a_breaker_tripped_by_another_worker_is_open_here(db):
    assert not breaker.is_open()
    in_another_worker("from search.engine import breaker; breaker.trip()")
    assert breaker.is_open()


UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def test_pages_answer_while_redis_is_down(client, institution, settings, caplog):
    """A Redis outage degrades the site (no cache, no shared counters) instead of failing it."""
    practice = make_practice(institution, title="Rezago en la cola de entrevistas", slug="rezago-cola")
    settings.CACHES = UNREACHABLE_REDIS
    from django.core.cache import cache as down

    for url in ("/es/", practice.url, "/es/buscar/?q=rezago", "/api/search/?q=rezago", "/api/autocomplete/?q=rez"):
        assert client.get(url).status_code == 200, url
    assert down.get("anything", "fallback") == "fallback"
    assert down.incr("counter", 3) == 3
    assert "Redis cache unreachable" in caplog.text
    assert caplog.text.count("Redis cache unreachable") == 1  # once per outage, not once per call

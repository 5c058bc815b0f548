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

"""The Nu HTML Checker (vnu.jar, the W3C validator) over the pages of issue 14: 0 errors.

vnu.jar comes from npm (`vnu-jar`, pinned in .ci/run, which sets VNU_JAR); it needs Java. Without it
the test is skipped locally; CI sets REQUIRE_VNU=1 so that a missing checker fails instead.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import Locale

from practices.models import InstitutionPage, PracticePage

# Reads the demo content (loaded once, after the other tests: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo")

VNU_JAR = os.environ.get("VNU_JAR", "")


@pytest.fixture(scope="module")
def vnu():
    if not (VNU_JAR and Path(VNU_JAR).exists() and shutil.which("java")):
        if os.environ.get("REQUIRE_VNU"):
            pytest.fail(f"the Nu HTML Checker is not at VNU_JAR={VNU_JAR!r} (or Java is missing): see .ci/run")
        pytest.skip("the Nu HTML Checker is not installed (VNU_JAR, see .ci/run)")
    return VNU_JAR


def test_public_pages_have_no_html_errors(client, vnu, tmp_path):
    es = Locale.objects.get(language_code="es")
    practice = PracticePage.objects.live().filter(locale=es).order_by("pk").first()
    urls = {
        "home": ("/es/", 200),
        "search": (f"{reverse('search')}?q=rezago", 200),
        "search-filtered": (f"{reverse('search')}?q=rezago&country=PE&kind=practice", 200),
        "search-empty": (f"{reverse('search')}?q=zzyzxqwv", 200),
        "practice": (practice.get_url(), 200),
        "institution": (InstitutionPage.objects.live().filter(locale=es).order_by("pk").first().get_url(), 200),
        "about": (reverse("about"), 200),
        "404": ("/es/no-such-page-here/", 404),
    }
    files = []
    for name, (url, status) in urls.items():
        response = client.get(url)
        assert response.status_code == status, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    checked = subprocess.run(
        ["java", "-jar", vnu, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout or '{"messages": []}')["messages"]
    report = [f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m.get('message')}" for m in messages]
    assert not report, "\n".join(report)

"""The Nu HTML Checker (vnu.jar, the W3C validator) over every public page: 0 errors.

Every URL of /sitemap.xml (the three language trees: home, practices, institutions, topics,
meetings, selections, roadmap, indexes…), and the pages the sitemap leaves out on purpose in es, en
and pt: the search in each of its states, the comparison, the indicator pages, the exchange form
(empty, with errors, sent), the about page and the 404.

vnu.jar comes from npm (`vnu-jar`, pinned in .ci/run, which sets VNU_JAR); it needs Java. Without it
the test is skipped locally; CI sets REQUIRE_VNU=1 so that a missing checker fails instead.
"""

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from practices.models import IndicatorType, PracticePage

# Reads the demo content (loaded once, after the other tests: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo")

VNU_JAR = os.environ.get("VNU_JAR", "")
LANGUAGES = ("es", "en", "pt")
# A sitemap larger than this is checked by a sample: every page type of every language still appears.
MAX_SITEMAP_PAGES = 600


@pytest.fixture(scope="module")
def vnu():
    if not (VNU_JAR and Path(VNU_JAR).exists() and shutil.which("java")):
        if os.environ.get("REQUIRE_VNU"):
            pytest.fail(f"the Nu HTML Checker is not at VNU_JAR={VNU_JAR!r} (or Java is missing): see .ci/run")
        pytest.skip("the Nu HTML Checker is not installed (VNU_JAR, see .ci/run)")
    return VNU_JAR


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locs = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    paths = list(dict.fromkeys(urlsplit(loc).path for loc in locs))
    if len(paths) <= MAX_SITEMAP_PAGES:
        return paths
    # Too many to check in a CI run: the first pages of each kind of address (its language and its
    # depth in the tree: /es/practicas/<slug>/ and /es/instituciones/<slug>/ are different kinds).
    seen = Counter()
    sample = []
    for path in paths:
        kind = tuple(path.strip("/").split("/")[:2]) + (path.count("/"),)
        seen[kind] += 1
        if seen[kind] <= 5:
            sample.append(path)
    return sample


def exchange_pages(client, practice) -> dict[str, tuple[str, int, dict | None]]:
    """The exchange form of one practice: empty, refused with errors, and sent."""
    url = reverse("exchange:submit", kwargs={"page_id": practice.pk})
    sent = {
        "name": "María Pérez",
        "requester_institution": "Comisión Nacional para los Refugiados",
        "country": "PY",
        "email": "maria.perez@example.org",
        "message": "Queremos conocer cómo redujeron el rezago y qué equipo hizo falta.",
        "formats": ["call"],
        "consent": "on",
    }
    return {
        "exchange-empty": (url, 200, None),
        "exchange-errors": (url, 400, {"name": "", "email": "no-at-sign", "message": "short"}),
        "exchange-sent": (url, 303, sent),
    }


def language_pages(client, language: str) -> dict[str, tuple[str, int, dict | None]]:
    locale = Locale.objects.get(language_code=language)
    practices = list(PracticePage.objects.live().filter(locale=locale).order_by("pk")[:3])
    backlog = IndicatorType.objects.get(slug="pending-applications")
    search = reverse("search")
    compare = reverse("compare")
    pages = {
        "search": (search, 200, None),
        "search-words": (f"{search}?q=rezago", 200, None),
        "search-filtered": (f"{search}?q=rezago&country=PE&kind=practice&sort=year", 200, None),
        "search-corrected": (f"{search}?q=reazgo", 200, None),
        "search-empty": (f"{search}?q=zzyzxqwv&country=PE", 200, None),
        "search-bad-input": (f"{search}?year_from=abc&country=XX&page=999", 200, None),
        "compare": (f"{compare}?{'&'.join(f'p={p.pk}' for p in practices)}&back=q%3Drezago", 200, None),
        "compare-one": (f"{compare}?p={practices[0].pk}", 200, None),
        "indicators": (reverse("indicator_index"), 200, None),
        "indicator": (reverse("indicator_type", kwargs={"slug": backlog.slug}), 200, None),
        "indicator-sorted": (f"{reverse('indicator_type', kwargs={'slug': backlog.slug})}?sort=-change", 200, None),
        "about": (reverse("about"), 200, None),
        "404": (f"/{language}/no-such-page-here/", 404, None),
    }
    pages.update(exchange_pages(client, practices[0]))
    return pages


def test_every_public_page_has_no_html_errors(client, vnu, tmp_path):
    files = {}

    def keep(name: str, response) -> None:
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[str(path)] = name

    for number, path in enumerate(sitemap_paths(client)):
        response = client.get(path)
        assert response.status_code == 200, path
        keep(f"sitemap-{number:04d}{path.replace('/', '_')}", response)
    assert len(files) > 50, "the sitemap should list the demo's pages in three languages"

    for language in LANGUAGES:
        with translation.override(language):
            pages = language_pages(client, language)
        for name, (url, status, data) in pages.items():
            response = client.get(url) if data is None else client.post(url, data)
            assert response.status_code == status, (url, response.status_code)
            if status == 303:
                response = client.get(response["Location"])
                assert response.status_code == 200
            keep(f"{language}-{name}", response)

    checked = subprocess.run(
        ["java", "-jar", vnu, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(checked.stderr or checked.stdout or '{"messages": []}')["messages"]
    report = Counter(
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
    )
    assert not report, f"{len(report)} errors in {len(files)} pages:\n" + "\n".join(sorted(report))

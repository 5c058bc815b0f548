"""The search page offers its result set as downloads and a feed, and those links work."""

import csv
import io
import json
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_corpus


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """Published practices of every country, kind and topic, with aliases in the en/pt trees."""
    return make_corpus(40, translations=0)


def links(html: str) -> dict[str, str]:
    found = {}
    for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', html):
        found[unescape(text).strip()] = unescape(href)
    return found


def test_download_links_carry_the_current_search(client):
    page = client.get("/en/search/", {"country": "AR", "kind": "practice", "year_from": "2015"})
    html = page.content.decode()
    found = links(html)
    csv_url = next(url for text, url in found.items() if url.startswith("/api/export.csv") and "rows" not in url)
    assert "country=AR" in csv_url and "kind=practice" in csv_url and "year_from=2015" in csv_url
    assert "lang=en" in csv_url
    count = int(re.search(r'class="search-count"[^>]*>\s*(\d+)', html).group(1))
    rows = list(csv.reader(io.StringIO(b"".join(client.get(csv_url).streaming_content).decode()[1:])))
    assert len(rows) - 1 == count > 0
    json_url = next(url for url in found.values() if url.startswith("/api/export.json"))
    assert json.loads(b"".join(client.get(json_url).streaming_content))["count"] == count
    indicators = next(url for url in found.values() if "rows=indicators" in url)
    assert client.get(indicators).status_code == 200


def test_links_leave_out_values_the_page_dropped(client):
    found = links(client.get("/es/buscar/", {"country": "ZZ", "topic": "digitalizacion"}).content.decode())
    csv_url = next(url for url in found.values() if url.startswith("/api/export.csv"))
    assert "ZZ" not in csv_url and "topic=digitalizacion" in csv_url
    assert client.get(csv_url).status_code == 200


def test_one_country_gets_its_own_feed(client):
    html = client.get("/es/buscar/", {"country": "MX"}).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert "/es/feeds/country/MX.atom" in html
    assert client.get("/es/feeds/country/MX.atom").status_code == 200
    html = client.get("/es/buscar/", {"topic": "digitalizacion"}).content.decode()
    assert "/es/feeds/topic/digitalizacion.atom" in html
    # Words (or several filters): the feed of the whole search (tests/opendata/test_feeds.py).
    html = client.get("/es/buscar/", {"q": "rezago"}).content.decode()
    assert "/es/feeds/search.atom?q=rezago" in html and "/feeds/country/" not in html
    html = client.get("/es/buscar/").content.decode()
    assert 'href="/es/feeds/practices.atom" type="application/atom+xml"' in html


def test_links_cost_no_query(client):
    # Two filters each time: the counts of one filter alone come from a cache (search/engine.py).
    client.get("/es/buscar/", {"country": "MX", "kind": "practice"})
    with CaptureQueriesContext(connection) as fewer_links:
        client.get("/es/buscar/", {"country": "MX", "kind": "practice"})
    with CaptureQueriesContext(connection) as more_links:
        client.get("/es/buscar/", {"country": "MX", "kind": "practice", "year_from": "1990"})
    assert len(more_links) == len(fewer_links)

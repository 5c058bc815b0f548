"""The search page phone first (issue 14): results before the filters, the count in a live region that
is not the heading, removable chips, the shared card with its compare box and language label."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

# Reads the demo content (loaded once, after the other tests: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo")


def html_of(client, url, params=None) -> str:
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def test_the_count_is_announced_by_a_live_region_around_the_heading_not_on_it(client):
    html = html_of(client, "/es/buscar/", {"q": "rezago"})
    # Nu HTML Checker: role=status is not allowed on <h2>.
    assert not re.search(r"<h[1-6][^>]*role=", html)
    region = re.search(r'<div class="search-count-region" role="status"[^>]*>\s*<h2 id="results-heading"', html)
    assert region


def test_results_come_before_the_map_and_the_map_is_folded(client):
    html = html_of(client, "/es/buscar/", {"q": "rezago"})
    first_card = html.index('class="card practice-card"')
    assert html.index('<details class="search-map">') > first_card
    assert '<details class="search-map" open' not in html
    # The filters are behind "Filtrar (n)", which works without the script (an in-page link).
    assert re.search(r'<a class="filter-toggle button" href="#search-filters"[^>]*>\s*Filtrar \(0\)', html)


def test_active_filters_are_chips_that_remove_one_filter_each(client):
    html = html_of(client, "/es/buscar/", {"q": "rezago", "country": "PE", "year_from": "2019"})
    assert re.search(r"Filtrar \(2\)", html)
    chips = dict(
        (unescape(re.sub(r"\s+", " ", text)).strip(), unescape(href))
        for href, text in re.findall(r'<li><a href="([^"]+)">\s*<span class="visually-hidden">([^<]+)</span>', html)
    )
    assert set(chips) == {"Quitar filtro: Perú", "Quitar filtro: Desde 2019"}
    assert "country=" not in chips["Quitar filtro: Perú"] and "year_from=2019" in chips["Quitar filtro: Perú"]
    assert "year_from" not in chips["Quitar filtro: Desde 2019"] and "country=PE" in chips["Quitar filtro: Desde 2019"]


def test_results_use_the_shared_card_with_a_compare_box(client):
    html = html_of(client, "/es/buscar/", {"q": "rezago"})
    cards = re.findall(r'<article class="card practice-card">(.*?)</article>', html, re.S)
    assert cards
    assert all('form="compare-form"' in card and 'name="p"' in card for card in cards)
    assert any("<mark>" in card for card in cards)  # the search words marked in the summary


def test_a_card_in_another_language_than_the_page_says_so(client):
    html = html_of(client, "/en/search/", {"q": "backlog"})
    cards = re.findall(r'<article class="card practice-card">(.*?)</article>', html, re.S)
    spanish = [card for card in cards if 'class="card__title" lang="es"' in card]
    english = [card for card in cards if 'class="card__title" lang="en"' in card]
    assert spanish and english
    assert all(re.search(r"badge--language\">\s*In Spanish\s*<", card) for card in spanish)
    assert not any("badge--language" in card for card in english)
    html = html_of(client, "/es/buscar/", {"q": "backlog"})
    assert re.search(r"badge--language\">\s*En inglés\s*<", html)


def test_the_chips_cost_no_query(client):
    # Two filters at least on both sides: the counts of one filter alone come from a cache (search/engine.py).
    client.get("/es/buscar/", {"country": "MX", "kind": "practice"})
    with CaptureQueriesContext(connection) as two:
        client.get("/es/buscar/", {"country": "MX", "kind": "practice"})
    with CaptureQueriesContext(connection) as four:
        client.get("/es/buscar/", {"country": ["MX", "PE"], "kind": "practice", "year_from": "2015"})
    assert len(four) == len(two)

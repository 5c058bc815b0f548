import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from practices.models import PracticePage
from search import log
from search.models import SearchTermStat

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


def test_a_near_spelling_is_searched_at_once_and_the_typed_words_stay_one_click_away(client):
    html = " ".join(client.get("/es/buscar/", {"q": "rezgo"}).content.decode().split())
    assert "Mostrando resultados de «rezago»" in html
    assert "<mark>rezago</mark>" in html
    assert '<a href="?q=rezgo&amp;literal=1"> Buscar en cambio «rezgo»</a>' in html


def test_asking_for_the_typed_words_offers_the_spelling_that_finds_practices(client):
    html = client.get("/es/buscar/", {"q": "rezgo", "literal": "1"}).content.decode()
    assert "Mostrando resultados de" not in html
    assert '<a href="?q=rezago">rezago</a>' in html


def test_no_spelling_is_offered_when_it_would_find_nothing_either(client):
    html = client.get("/es/buscar/", {"q": "xyzzyqwv"}).content.decode()
    assert "Did you mean" not in html and "Quiso decir" not in html and "Mostrando resultados de" not in html


def test_filters_that_emptied_the_results_can_be_dropped_one_by_one(client):
    html = client.get("/es/buscar/", {"q": "rezago", "country": "BZ", "kind": "lesson"}).content.decode()
    assert "no-results" in html
    assert "?q=rezago&amp;kind=lesson" in html  # without the country
    assert "?q=rezago&amp;country=BZ" in html  # without the kind


def test_the_secretariats_promoted_pages_come_first(client, es):
    page = PracticePage.objects.live().filter(locale=es).last()
    query = Query.get("asilo de calidad")
    SearchPromotion.objects.create(query=query, page=page, sort_order=0, description="Lectura recomendada")
    html = client.get("/es/buscar/", {"q": "Asilo  de calidad"}).content.decode()
    assert "Lectura recomendada" in html and page.title in html


def test_searches_are_logged_in_batches_without_a_write_per_request(client, monkeypatch):
    monkeypatch.setattr(log, "FLUSH_EVERY", 1000)
    log.flush()  # whatever earlier tests left in this process's buffer
    SearchTermStat.objects.all().delete()
    before = SearchTermStat.objects.count()
    for query in ["rezago", "Rezago", "xyzzy", "rezago"]:
        with CaptureQueriesContext(connection) as context:
            client.get("/es/buscar/", {"q": query})
        assert not any(q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE")) for q in context.captured_queries)
    assert SearchTermStat.objects.count() == before
    assert log.flush() == 2
    rezago = SearchTermStat.objects.get(query="rezago", language="es")
    assert (rezago.searches, rezago.zero_results) == (3, 0)
    assert SearchTermStat.objects.get(query="xyzzy").zero_results == 1


def test_text_plus_two_filters_costs_at_most_nine_queries(client):
    """Eight before the hybrid search; the ninth fetches the fused page of results, which
    mixes text matches and practices found by meaning (search/engine.py)."""
    params = {"q": "rezago", "country": ["CR", "PA"], "kind": "practice"}
    client.get("/es/buscar/", params)
    with CaptureQueriesContext(connection) as context:
        client.get("/es/buscar/", params)
    assert len(context.captured_queries) <= 9

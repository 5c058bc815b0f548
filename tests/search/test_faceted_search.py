"""Faceted search through the one search path, on the database backend of this run and on Elasticsearch."""

import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from practices.models import PracticePage
from practices.taxonomy import Country
from search.engine import SearchRequest, run_search
from search.facets import FACETS

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)

ENGINES = ["database", "elasticsearch"]


@pytest.fixture(params=ENGINES)
def engine(request, settings):
    """Makes the named engine the site's default search backend, with a fresh index."""
    if request.param == "elasticsearch":
        backend = request.getfixturevalue("elasticsearch_backend")
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            "default": settings.WAGTAILSEARCH_BACKENDS["elasticsearch"],
        }
        call_command("update_index", backend_name="default", verbosity=0)
        return backend
    return request.param


def es_locale():
    return Locale.objects.get(language_code="es")


def spanish_practices():
    return PracticePage.objects.live().public().filter(locale=es_locale())


def country(code):
    return Country.objects.get(iso2=code)


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    return json.loads(response.content)


def test_every_facet_lists_all_its_values_with_counts(client, engine):
    data = api(client)
    assert data["count"] == spanish_practices().count()
    assert len(data["facets"]["country"]) == 17
    assert set(data["facets"]["country"]) == set(Country.objects.values_list("iso2", flat=True))
    assert len(data["facets"]["topic"]) == 13 and len(data["facets"]["stage"]) == 8
    assert sum(data["facets"]["kind"].values()) == data["count"]
    expected_ar = (
        spanish_practices().filter(country=country("AR")).count()
        + spanish_practices().filter(partners=country("AR")).count()
    )
    assert data["facets"]["country"]["AR"] == expected_ar


def test_values_of_one_facet_combine_with_or_and_facets_with_and(client, engine):
    cr = api(client, country="CR")["count"]
    pa = api(client, country="PA")["count"]
    both = api(client, country=["CR", "PA"])["count"]
    reach = {country("CR").pk, country("PA").pk}
    shared = sum(reach <= set(p.country_ids()) for p in spanish_practices())
    assert both == cr + pa - shared
    lessons = api(client, country=["CR", "PA"], kind="lesson")["count"]
    assert lessons == api(client, country=["CR", "PA"])["facets"]["kind"].get("lesson", 0)
    assert lessons < both


def test_a_facets_counts_ignore_its_own_selection(client, engine):
    unfiltered = api(client)["facets"]
    filtered = api(client, country="MX", kind="practice")
    assert filtered["facets"]["country"] == api(client, kind="practice")["facets"]["country"]
    assert filtered["facets"]["kind"] == api(client, country="MX")["facets"]["kind"]
    assert filtered["facets"]["status"] != unfiltered["status"]
    assert filtered["count"] == spanish_practices().filter(country=country("MX"), kind="practice").count() + (
        spanish_practices().filter(partners=country("MX"), kind="practice").count()
    )


def test_a_joint_practice_is_found_under_its_partner_country(client, engine):
    joint = spanish_practices().filter(partners__isnull=False).first()
    partner = joint.partners.first()
    titles = [r["title"] for r in api(client, country=partner.iso2, page_size=100)["results"]]
    assert joint.title in titles


def test_year_range_and_text_narrow_the_results(client, engine):
    data = api(client, year_from=2020, year_to=2022, page_size=100)
    assert data["count"] == spanish_practices().filter(year_started__range=(2020, 2022)).count()
    assert all(2020 <= r["year_started"] <= 2022 for r in data["results"])
    rezago = api(client, q="rezago", page_size=100)
    assert 0 < rezago["count"] < data["count"] + 100
    assert all(r["country"] for r in rezago["results"])


def test_sorting_by_year_started(client, engine):
    years = [r["year_started"] for r in api(client, sort="year", page_size=30)["results"]]
    assert years == sorted(years, reverse=True)


def test_pages_do_not_overlap_and_page_size_is_capped(client, engine):
    first = [r["id"] for r in api(client, page=1, page_size=10)["results"]]
    second = [r["id"] for r in api(client, page=2, page_size=10)["results"]]
    assert len(first) == 10 and len(second) == 10 and not set(first) & set(second)
    capped = api(client, page_size=500)
    assert capped["page_size"] == 100 and capped["messages"]


def test_the_api_answers_in_codes_and_slugs(client, engine):
    result = api(client, topic="digitalizacion", page_size=1)["results"][0]
    expected = "id external_id title url country institution kind topics year_started status summary".split()
    assert set(result) >= set(expected)
    assert "digitalizacion" in result["topics"]
    assert len(result["country"]) == 2 and result["kind"] in {"practice", "lesson"}


@pytest.mark.parametrize(
    "params",
    [
        {"country": "XX"},
        {"year_from": "abc"},
        {"year_to": "99999"},
        {"page": "-1"},
        {"page": "99999"},
        {"sort": "'; DROP TABLE x"},
        {"topic": ["digitalizacion"] * 50},
        {"q": "x" * 100_000},
        {"page_size": "abc"},
    ],
)
def test_bad_parameters_get_a_message_never_an_error(client, engine, params):
    data = api(client, **params)
    assert isinstance(data["count"], int)
    html = client.get("/es/buscar/", params)
    assert html.status_code == 200


def test_unknown_values_are_named_in_the_translated_message(client, engine):
    html = client.get("/es/buscar/", {"country": "XX"}).content.decode()
    assert "“XX”" in html and "se ignoró" in html


def test_multi_filter_urls_are_not_indexed(client, engine):
    assert 'name="robots" content="noindex' in client.get("/es/buscar/?country=AR&kind=lesson").content.decode()
    assert 'name="robots"' not in client.get("/es/buscar/?country=AR").content.decode()


def test_zero_count_values_stay_visible_and_disabled(client, engine):
    html = client.get("/es/buscar/", {"q": "Warao"}).content.decode()
    assert 'name="country" value="AR"' in html
    assert re.search(r'value="AR"[^>]*\sdisabled', html)  # attributes may wrap across lines


def test_query_words_are_highlighted_in_summaries(client, engine):
    html = client.get("/es/buscar/", {"q": "rezago"}).content.decode()
    assert "<mark>rezago</mark>" in html


def test_search_page_sql_queries_do_not_depend_on_the_number_of_results(client, engine):
    def count(params):
        client.get("/es/buscar/", params)
        with CaptureQueriesContext(connection) as context:
            assert client.get("/es/buscar/", params).status_code == 200
        return len(context.captured_queries)

    five = count({"q": "", "page_size": 5, "country": "MX"})
    twenty = count({"q": ""})
    assert five == twenty
    assert twenty <= 8


def test_elasticsearch_answers_results_and_all_facets_in_one_request(settings, request):
    backend = request.getfixturevalue("elasticsearch_backend")
    call_command("update_index", backend_name="elasticsearch", verbosity=0)
    calls = []
    original = backend.es.search

    def counting_search(*args, **kwargs):
        calls.append(kwargs)
        return original(*args, **kwargs)

    backend.es.search = counting_search
    import search.engine as engine_module

    engine = engine_module.ElasticsearchEngine(backend)
    outcome = engine.run(SearchRequest(locale=es_locale(), query="rezago", selections={"kind": {"practice"}}))
    assert len(calls) == 1
    assert set(outcome.facets) == {facet.key for facet in FACETS}
    assert len(run_search(SearchRequest(locale=es_locale()), backend_name="default").facets["country"]) == 17

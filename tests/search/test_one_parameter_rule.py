"""Each rule once: the search's parameters are read by one form (search/forms.py) in a strict
flavour (exports, API v2: 400) and a lenient one (page, JSON search, alerts: dropped with a
message), and the search state goes back into URLs by one `to_query()`."""

import dataclasses
import json
import re

import pytest
from django.http import QueryDict
from django.utils import translation
from wagtail.models import Locale

from alerts.searches import normalise_query
from core.params import last_year
from opendata.templatetags.opendata_tags import export_links
from search.facets import FACETS, FACETS_BY_KEY
from search.forms import SearchForm, parse_search_parameters

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo content (tests/conftest.py)

TOO_LATE = str(last_year() + 5)


@pytest.fixture
def spanish():
    with translation.override("es"):
        yield Locale.objects.get(language_code="es")


def _page_messages(client, params) -> list[str]:
    return [str(message) for message in client.get("/es/buscar/", params).context["search"].messages]


def _strict_errors(client, url, params) -> list[str]:
    response = client.get(url, params, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400, response.content[:300]
    return response.json()["errors"]


@pytest.mark.parametrize("value", ["1850", TOO_LATE, "²⁰²⁰", "20x0"])
def test_the_page_and_the_strict_endpoints_judge_a_bad_year_alike(client, value):
    with translation.override("es"):
        page = _page_messages(client, {"year_from": value})
        export = _strict_errors(client, "/api/export.json", {"year_from": value, "lang": "es"})
        listing = _strict_errors(client, "/api/v2/practices/", {"year_from": value})
    (problem,) = export
    assert listing == [problem]
    # The page says the same thing and that it went on without the value.
    assert [message for message in page if "year_from" in message] == [f"{problem} Se ignoró."]


def test_a_reversed_year_range_is_swapped_on_the_page_and_refused_by_the_strict_endpoints(client):
    params = {"year_from": "2022", "year_to": "2019"}
    with translation.override("es"):
        response = client.get("/es/buscar/", params)
        export = _strict_errors(client, "/api/export.json", params)
        listing = _strict_errors(client, "/api/v2/practices/", params)
    parameters = response.context["parameters"]
    assert (parameters.request.year_from, parameters.request.year_to) == (2019, 2022)
    assert any("2019" in str(m) and "2022" in str(m) for m in response.context["search"].messages)
    assert export == listing == ["Ningún año está entre «year_from» (2022) y «year_to» (2019)."]


def test_an_unknown_code_is_dropped_by_the_page_and_refused_by_the_strict_endpoints(client):
    with translation.override("es"):
        page = _page_messages(client, {"kind": "practice,anecdote"})
        export = _strict_errors(client, "/api/export.json", {"kind": "practice,anecdote"})
        listing = _strict_errors(client, "/api/v2/practices/", {"kind": "practice,anecdote"})
    assert page == ["El valor desconocido “anecdote” para “Tipo” se ignoró."]
    assert export == listing
    assert "anecdote" in export[0] and "lesson, practice" in export[0]


def test_the_strict_flavour_lists_every_problem_in_the_forms_order(spanish):
    data = QueryDict("kind=anecdote&year_from=1800&year_to=2020&year_to=2021&sort=random&q=agua")
    form = SearchForm(data, locale=spanish, strict=True)
    problems = form.problems()
    assert len(problems) == 4
    assert "kind" in problems[0] and "year_from" in problems[1] and "year_to" in problems[2]
    assert "sort" in problems[3] and "newest, relevance, year" in problems[3]


def test_the_lenient_flavour_keeps_what_is_valid(spanish):
    data = QueryDict("kind=anecdote,practice&year_from=1800&year_to=2020")
    parameters = parse_search_parameters(data, locale=spanish)
    assert parameters.codes == {"kind": ["practice"]}
    assert (parameters.request.year_from, parameters.request.year_to) == (None, 2020)
    assert len(parameters.messages) == 2


def test_the_search_request_is_frozen(spanish):
    request = parse_search_parameters(QueryDict("q=agua"), locale=spanish).request
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.offset = 40
    assert request.replace(offset=40).offset == 40 and request.offset == 0


def test_each_facet_declares_the_type_of_what_it_stores(spanish):
    """The engines return counts as text; each facet reads them back as what its options hold."""
    for facet in FACETS:
        options = facet.options(spanish)
        assert options, facet.key
        assert {type(option.value) for option in options} == {facet.value_type}, facet.key
        assert facet.stored(str(options[0].value)) == options[0].value


def test_one_query_string_for_the_page_links_the_alerts_and_the_exports(client, spanish):
    data = QueryDict("page=2&year_to=2024&kind=practice&q=agua&kind=lesson&sort=year&kind=nonsense&literal=1")
    parameters = parse_search_parameters(data, locale=spanish)
    canonical = "q=agua&kind=lesson&kind=practice&year_to=2024"
    assert parameters.to_query() == canonical
    assert normalise_query(parameters) == canonical  # the subscription's identity
    assert parameters.to_query(sort=True) == canonical + "&sort=year"  # the export links
    # Links within the page keep the chosen order and `literal`, never the value it dropped.
    assert parameters.link_query(page=3) == canonical + "&sort=year&literal=1&page=3"
    assert parameters.link_query(without=("kind", "lesson")) == "q=agua&kind=practice&year_to=2024&sort=year&literal=1"
    assert parameters.link_query(without=("q", "")).startswith("kind=lesson")
    assert FACETS_BY_KEY["country"].to_query(["AR"]) == "country=AR"

    response = client.get("/es/buscar/", data)
    page = response.content.decode()
    # No link the search builds (remove a filter, other pages, downloads) carries the dropped value.
    built = re.findall(r'href="(\?[^"]*|/api/export[^"]*)"', page)
    assert built and not [href for href in built if "nonsense" in href]
    with translation.override("es"):
        assert export_links(parameters)["csv"] == "/api/export.csv?" + canonical + "&sort=year&lang=es"


def test_the_export_links_of_the_page_are_accepted_by_the_strict_export(client):
    response = client.get("/es/buscar/", {"kind": ["practice", "nonsense"], "year_from": "1800", "q": "registro"})
    links = response.context["parameters"].to_query(sort=True)
    export = client.get("/api/export.json?" + links + "&lang=es")
    assert export.status_code == 200
    head = json.loads(b"".join(export.streaming_content))
    assert head["filters"] == {"kind": ["practice"]} and head["year_from"] is None

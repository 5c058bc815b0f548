"""The one parameter rule (core/params.py) through the real URLs the audit found answering 500:
superscript digits, NUL bytes, numbers beyond 64 bits, repeated and non-numeric values.

The search page and the comparison forgive (the value is dropped and the page says so); the API
and the exports refuse with a 400 whose message is translated; errors under /api/ are JSON."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

SUPERSCRIPT_TWO = "\u00b2"
BEYOND_64_BITS = "99999999999999999999999999"


def _json_error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert body["message"]
    return body


# The lenient flavour: the page is served, the bad value is named in a message.


def test_search_page_ignores_a_superscript_year_and_says_so(client):
    response = client.get("/es/buscar/", {"year_from": SUPERSCRIPT_TWO})
    assert response.status_code == 200
    assert f"«{SUPERSCRIPT_TWO}» no es un valor válido para «year_from»" in response.content.decode()


def test_search_api_ignores_a_superscript_year_in_its_messages(client):
    body = client.get("/api/search/", {"year_from": SUPERSCRIPT_TWO, "page": BEYOND_64_BITS}).json()
    assert any(SUPERSCRIPT_TWO in message and "year_from" in message for message in body["messages"])
    assert body["page"] == 1


def test_compare_ignores_superscript_and_oversized_ids_and_says_so(client):
    response = client.get("/es/comparar/", {"p": [SUPERSCRIPT_TWO, "9223372036854775808"]})
    assert response.status_code == 200
    assert response.content.decode().count("no es un valor válido para «p»") == 2


def test_alerts_form_takes_a_search_with_a_superscript_year(client):
    response = client.get("/es/avisos/", {"year_from": SUPERSCRIPT_TWO, "q": "asilo"})
    assert response.status_code == 200


def test_statistics_ignore_a_superscript_period(client):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    response = client.get("/admin/statistics/", {"days": SUPERSCRIPT_TWO}, follow=True)
    assert response.status_code == 200
    assert SUPERSCRIPT_TWO in response.content.decode()


# The strict flavour: 400 with the reason, JSON for the API.


@pytest.mark.parametrize("name", ["year", "year_from", "year_to"])
def test_api_refuses_a_superscript_year(client, name):
    body = _json_error(client.get("/api/v2/practices/", {name: SUPERSCRIPT_TWO}, HTTP_ACCEPT_LANGUAGE="es"), 400)
    assert f"«{SUPERSCRIPT_TWO}» no es un valor válido para «{name}»" in body["message"]


def test_api_refuses_a_repeated_year(client):
    body = _json_error(client.get("/api/v2/practices/?year=2020&year=2021"), 400)
    assert "year" in body["message"]


def test_api_refuses_a_year_after_next_year(client):
    _json_error(client.get("/api/v2/practices/", {"year_to": "9999"}), 400)


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_exports_refuse_a_superscript_year(client, extension):
    response = client.get(f"/api/export.{extension}", {"year_from": SUPERSCRIPT_TWO})
    assert response.status_code == 400
    assert SUPERSCRIPT_TWO in response.content.decode()


def test_api_refuses_an_offset_beyond_64_bits(client):
    body = _json_error(client.get("/api/v2/topics/", {"offset": BEYOND_64_BITS}), 400)
    assert "offset" in body["message"]


def test_api_refuses_a_superscript_limit(client):
    _json_error(client.get("/api/v2/practices/", {"limit": SUPERSCRIPT_TWO}), 400)


def test_api_detail_beyond_64_bits_is_not_found_in_json(client):
    _json_error(client.get("/api/v2/practices/9223372036854775808/"), 404)


def test_api_find_refuses_a_non_numeric_id(client):
    body = _json_error(client.get("/api/v2/practices/find/", {"id": "abc"}), 400)
    assert "id" in body["message"]


def test_api_find_by_id_still_redirects_to_the_practice(client, institution):
    from tests.factories import make_practice

    practice = make_practice(institution)
    response = client.get("/api/v2/practices/find/", {"id": str(practice.pk)})
    assert response.status_code == 302
    assert f"/api/v2/practices/{practice.pk}/" in response["Location"]


def test_api_refuses_random_order_with_an_offset_in_the_readers_language(client):
    response = client.get("/api/v2/practices/", {"order": "random", "offset": "0"}, HTTP_ACCEPT_LANGUAGE="es")
    assert "no puede combinarse con «offset»" in _json_error(response, 400)["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/practices/?locale=ab%00cd",
        "/api/v2/practices/find/?html_path=%00",
        "/api/search/?q=%00",
    ],
)
def test_nul_bytes_in_api_parameters_are_refused_in_json(client, url):
    body = _json_error(client.get(url), 400)
    assert "NUL" in body["message"]


@pytest.mark.parametrize(
    "url", ["/es/feeds/country/%00.rss", "/es/avisos/darse-de-baja/%00/", "/es/buscar/?q=a%00", "/api/export.csv?q=%00"]
)
def test_nul_bytes_in_public_pages_are_refused_with_a_translated_message(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")  # as the CSV export documents its errors
    assert "carácter NUL" in response.content.decode()


# Errors under /api/ are JSON whoever produces them.


def test_unknown_api_address_answers_json_404_without_redirect(client):
    _json_error(client.get("/api/nothing-here/"), 404)


@pytest.mark.parametrize("url", ["/api/search/", "/api/export.json", "/api/v2/openapi.json", "/api/v2/practices/"])
def test_other_methods_answer_405_in_json_not_the_csrf_403(url):
    client = Client(enforce_csrf_checks=True)
    body = _json_error(client.post(url), 405)
    assert body["message"]


@pytest.mark.parametrize("url", ["/es/feeds/practices.rss", "/es/feeds/country/AR.atom"])
def test_feeds_answer_only_get_and_head(url):
    client = Client(enforce_csrf_checks=True)
    assert client.generic("TRACE", url).status_code == 405
    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200


def test_a_server_error_under_api_is_json(client, monkeypatch):
    from search import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "search_practices", broken)
    client.raise_request_exception = False
    body = _json_error(client.get("/api/search/"), 500)
    assert "boom" not in body["message"]

"""The 404 and 500 pages, in the visitor's language; the 500 page needs neither database nor context."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.views.defaults import server_error

NOT_FOUND = {"es": "Página no encontrada", "en": "Page not found", "pt": "Página não encontrada"}
SERVER_ERROR = {"es": "Algo salió mal", "en": "Something went wrong", "pt": "Algo deu errado"}


def failing_view(request):
    raise RuntimeError("boom")


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_not_found_is_translated_in_each_language_prefix(client, language):
    response = client.get(f"/{language}/no-existe/en-ninguna/parte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert NOT_FOUND[language] in html
    assert f'href="/{language}/"' in html


@pytest.mark.parametrize("language", ["es", "en", "pt"])
@pytest.mark.urls("tests.seo.urls_failing")
def test_server_error_is_translated_and_a_real_500(language):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language}/falla/")
    assert response.status_code == 500
    html = response.content.decode()
    assert SERVER_ERROR[language] in html
    assert f'<html lang="{language}">' in html
    assert "boom" not in html


@pytest.mark.parametrize("language", ["es", "pt"])
def test_server_error_page_renders_without_touching_the_database(language):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language), CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500
    assert SERVER_ERROR[language] in response.content.decode()
    assert len(queries.captured_queries) == 0

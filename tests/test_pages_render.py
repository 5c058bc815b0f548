"""Every page type renders for visitors in the three languages."""

import pytest
from wagtail.models import Locale

from home.models import HomePage
from meetings.models import MeetingIndexPage, MeetingPage
from practices.models import InstitutionPage, PracticeIndexPage, PracticePage

LANGUAGES = ["es", "en", "pt"]


def page_of(model, language, **filters):
    return model.objects.live().filter(locale=Locale.objects.get(language_code=language), **filters).first()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "model, filters",
    [
        (HomePage, {}),
        (PracticeIndexPage, {}),
        (InstitutionPage, {"country__iso2": "CO"}),
        (PracticePage, {"kind": "practice"}),
        (PracticePage, {"kind": "lesson"}),
        (MeetingIndexPage, {}),
        (MeetingPage, {}),
    ],
    ids=["home", "practices-index", "institution", "practice", "lesson", "meetings-index", "meeting"],
)
def test_page_type_renders_in_each_language(client, language, model, filters):
    page = page_of(model, language, **filters)
    assert page is not None, f"no live {model.__name__} in {language}"
    url = page.get_url()
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert page.title in html


@pytest.mark.parametrize(
    "url, text",
    [("/es/buscar/", "Buscar prácticas"), ("/en/search/", "Search practices"), ("/pt/busca/", "Pesquisar práticas")],
)
def test_the_search_page_has_a_translated_url_and_title(client, url, text):
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


@pytest.mark.parametrize(
    "url, text",
    [
        ("/es/no-existe/", "Página no encontrada"),
        ("/en/missing/", "Page not found"),
        ("/pt/nada/", "Página não encontrada"),
    ],
)
def test_not_found_is_translated(client, url, text):
    response = client.get(url)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_the_root_redirects_to_spanish(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_a_discontinued_practice_stays_readable_and_says_so(client, es):
    page = PracticePage.objects.live().filter(locale=es, status="discontinued").first()
    response = client.get(page.get_url())
    assert response.status_code == 200
    assert "se discontinuó" in response.content.decode()


def test_demo_practices_are_marked_as_demonstration_content(client, es):
    page = PracticePage.objects.live().filter(locale=es, is_demo=True).first()
    html = client.get(page.get_url()).content.decode()
    assert "Contenido de demostración" in html

"""Every page type renders for visitors in the three languages."""

import pytest
from wagtail.models import Locale

from home.models import HomePage
from meetings.models import MeetingIndexPage
from practices.choices import PracticeKind, PracticeStatus
from practices.models import InstitutionPage, PracticeIndexPage
from tests.factories import make_meeting, make_practice

LANGUAGES = ["es", "en", "pt"]


def skeleton_page(model, language, **filters):
    return model.objects.live().filter(locale=Locale.objects.get(language_code=language), **filters).first()


def practice_in(language, **fields):
    locale = Locale.objects.get(language_code=language)
    return make_practice(InstitutionPage.objects.get(locale=locale, country__iso2="CO"), **fields)


PAGES = {
    "home": lambda language: skeleton_page(HomePage, language),
    "practices-index": lambda language: skeleton_page(PracticeIndexPage, language),
    "institution": lambda language: skeleton_page(InstitutionPage, language, country__iso2="CO"),
    "practice": lambda language: practice_in(language, kind=PracticeKind.PRACTICE),
    "lesson": lambda language: practice_in(language, kind=PracticeKind.LESSON),
    "meetings-index": lambda language: skeleton_page(MeetingIndexPage, language),
    "meeting": lambda language: make_meeting(Locale.objects.get(language_code=language)),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_page_type_renders_in_each_language(client, language, kind):
    page = PAGES[kind](language)
    assert page is not None, f"no live {kind} in {language}"
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


def test_a_discontinued_practice_stays_readable_and_says_so(client, institution):
    page = make_practice(institution, status=PracticeStatus.DISCONTINUED)
    response = client.get(page.get_url())
    assert response.status_code == 200
    assert "se discontinuó" in response.content.decode()

"""Around the site (issue 14): the main menu and the footer in three languages, the About page with the
accessibility statement, the favicon, the meta description."""

import re
from html import unescape

import pytest

from tests.factories import make_practice, translate

SECTIONS = {
    "es": [
        "Prácticas",
        "Instituciones",
        "Temas",
        "Reuniones",
        "Hoja de ruta",
        "Selecciones",
        "Acerca de la plataforma",
    ],
    "en": ["Practices", "Institutions", "Topics", "Meetings", "Roadmap", "Selections", "About the platform"],
    "pt": ["Práticas", "Instituições", "Temas", "Reuniões", "Roteiro", "Seleções", "Sobre a plataforma"],
}


def menu_links(html: str) -> list[tuple[str, str]]:
    menu = re.search(r'<nav class="primary-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [(unescape(text).strip(), href) for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', menu)]


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_every_section_of_the_menu_opens_in_the_same_language(client, language):
    links = menu_links(client.get(f"/{language}/").content.decode())
    assert [text for text, _href in links] == SECTIONS[language]
    for _text, href in links:
        assert href.startswith(f"/{language}/")
        response = client.get(href)
        assert response.status_code == 200, href
        # The section's own page marks itself in the menu.
        current = re.findall(r'<a href="([^"]+)" aria-current="page"', response.content.decode())
        assert href in current


def test_the_footer_links_open_data_feeds_and_the_accessibility_statement(client):
    html = client.get("/es/reuniones/").content.decode()
    footer = re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)
    hrefs = [unescape(href) for href in re.findall(r'href="([^"]+)"', footer)]
    for expected in ("/es/acerca/#accessibility", "/api/export.csv?lang=es", "/es/feeds/practices.atom", "/es/buscar/"):
        assert expected in hrefs, expected
    about = client.get("/es/acerca/").content.decode()
    assert 'id="accessibility"' in about and "(WCAG) 2.2" in about and 'id="open-data"' in about
    for href in hrefs:
        assert client.get(href.split("#")[0]).status_code == 200, href


def test_the_menu_is_looked_up_once_per_language(client, monkeypatch):
    from home import navigation

    calls = []
    look_up = navigation._section_urls
    monkeypatch.setattr(navigation, "_section_urls", lambda *args: calls.append(args[0]) or look_up(*args))
    for _ in range(3):
        client.get("/es/reuniones/")
        client.get("/en/")
    assert calls == ["es", "en"]


def test_a_renamed_section_is_seen_at_once(client, es):
    from meetings.models import MeetingIndexPage

    client.get("/es/")
    meetings = MeetingIndexPage.objects.get(locale=es)
    meetings.slug = "encuentros"
    meetings.save_revision().publish()
    assert ("Reuniones", "/es/encuentros/") in menu_links(client.get("/es/").content.decode())


def test_favicon_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith(".ico")
    html = client.get("/es/").content.decode()
    assert re.search(r'<link rel="icon" href="[^"]+\.svg"', html)
    assert re.search(r'<link rel="apple-touch-icon" href="[^"]+\.png"', html)


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_practice_page_is_described_by_its_summary(client, institution, language):
    practice = make_practice(
        institution,
        title="Turnos en línea",
        summary="Las personas solicitantes eligen en línea el día de su entrevista, sin filas en la oficina.",
        aliases=True,
    )
    if language == "en":
        practice = translate(
            practice,
            "en",
            title="Online appointments",
            summary="Applicants choose the day of their interview online, with no queue at the office.",
        )
    html = client.get(practice.get_url()).content.decode()
    descriptions = re.findall(r'<meta name="description" content="([^"]*)"', html)
    assert len(descriptions) == 1
    assert unescape(descriptions[0])[:60] == " ".join((practice.search_description or practice.summary).split())[:60]


def test_home_and_search_have_a_description(client):
    for url in ("/es/", "/es/buscar/", "/es/acerca/"):
        assert re.findall(r'<meta name="description" content="[^"]+"', client.get(url).content.decode()), url

import re

from practices.models import PracticePage
from tests.factories import make_practice, translate


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict((lang, href) for href, lang in re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav))


def test_every_public_url_carries_its_language(client):
    html = client.get("/es/").content.decode()
    hrefs = re.findall(r'href="(/[^"]*)"', html)
    # The open-data API and exports (footer) are language-neutral by design and take `lang=` instead.
    page_links = [h for h in hrefs if not h.startswith(("/static/", "/documents/", "/admin/", "/api/"))]
    assert any(h.startswith("/api/export.csv?lang=es") for h in hrefs)
    assert page_links and all(re.match(r"^/(es|en|pt)/", h) for h in page_links), page_links


def test_the_switcher_keeps_you_on_the_same_page(client, institution):
    page = make_practice(institution, aliases=True)
    links = switcher_links(client.get(page.get_url()).content.decode())
    for language in ("en", "pt"):
        target = PracticePage.objects.get(translation_key=page.translation_key, locale__language_code=language)
        assert links[language] == target.get_url()


def test_the_switcher_leads_to_a_real_translation_when_there_is_one(client, institution):
    original = make_practice(institution, title="Turnos en línea", aliases=True)
    translated = translate(original, "en", title="Online appointments")
    links = switcher_links(client.get(original.get_url()).content.decode())
    assert links["en"] == translated.get_url()
    english_html = client.get(translated.get_url()).content.decode()
    assert translated.title in english_html and translated.title != original.title


def test_the_switcher_on_the_search_page_keeps_the_search(client):
    links = switcher_links(client.get("/es/buscar/?q=rezago").content.decode())
    assert links["en"].startswith("/en/search/") and links["pt"].startswith("/pt/busca/")


def test_interface_strings_are_translated(client):
    assert "Saltar al contenido" in client.get("/es/").content.decode()
    assert "Skip to content" in client.get("/en/").content.decode()
    assert "Pular para o conteúdo" in client.get("/pt/").content.decode()


def test_an_untranslated_practice_says_it_is_shown_in_its_original_language(client, institution, en):
    alias = make_practice(institution, original_language="es", aliases=True).get_translation(en)
    assert alias.alias_of_id
    html = client.get(alias.get_url()).content.decode()
    assert '<article class="container practice" lang="es">' in html
    assert '<html lang="en">' in html
    assert "shown in its original language" in html

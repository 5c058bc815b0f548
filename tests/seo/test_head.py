"""Canonical URL, hreflang alternates and Open Graph in the <head> of every public page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import HomePage
from practices.models import InstitutionPage
from tests.seo.helpers import head_of, path_of


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_translated_page_is_its_own_canonical_and_lists_the_three_languages(client, language):
    home = HomePage.objects.get(locale=Locale.objects.get(language_code=language))
    head = head_of(client.get(home.get_url()))
    assert path_of(head.canonical) == f"/{language}/"
    assert {code: path_of(url) for code, url in head.hreflang.items()} == {
        "es": "/es/",
        "en": "/en/",
        "pt": "/pt/",
        "x-default": "/es/",
    }
    assert head.metas["og:url"] == [head.canonical]
    assert head.metas["og:locale"] == [{"es": "es_LA", "en": "en_US", "pt": "pt_BR"}[language]]
    assert len(head.metas["og:locale:alternate"]) == 2
    assert head.metas["og:title"] == [home.title]
    assert head.metas["og:site_name"] and head.metas["og:description"][0]
    assert head.metas["twitter:card"] == ["summary"]


@pytest.mark.parametrize("language", ["en", "pt"])
def test_untranslated_alias_points_canonical_to_the_spanish_original(client, spanish_practice, language):
    alias = spanish_practice.get_translation(Locale.objects.get(language_code=language))
    assert alias.alias_of_id == spanish_practice.pk
    head = head_of(client.get(alias.get_url()))
    original = spanish_practice.get_url()
    assert path_of(head.canonical) == original
    # Only one text exists, in Spanish: no English or Portuguese version to announce.
    assert {code: path_of(url) for code, url in head.hreflang.items()} == {"es": original, "x-default": original}
    assert head.metas["og:locale"] == ["es_LA"]


def test_translated_practice_announces_each_language_version(client, translated_practice):
    english = translated_practice.get_translation(Locale.objects.get(language_code="en"))
    head = head_of(client.get(english.get_url()))
    assert path_of(head.canonical) == english.get_url()
    assert path_of(head.hreflang["en"]) == english.get_url()
    assert path_of(head.hreflang["es"]) == translated_practice.get_url()
    assert path_of(head.hreflang["x-default"]) == translated_practice.get_url()
    assert head.metas["og:type"] == ["article"]


def test_portuguese_original_is_canonical_in_the_portuguese_tree(client, portuguese_original):
    """Brazil writes in Portuguese: the /pt/ page shows that text with a Portuguese interface."""
    portuguese = portuguese_original.get_translation(Locale.objects.get(language_code="pt"))
    for page in (portuguese_original, portuguese):
        head = head_of(client.get(page.get_url()))
        assert path_of(head.canonical) == portuguese.get_url()
        assert path_of(head.hreflang["pt"]) == portuguese.get_url()
        assert "es" not in head.hreflang


def test_institution_pages_have_canonical_and_alternates(client):
    brazil = InstitutionPage.objects.get(locale__language_code="es", country__iso2="BR")
    head = head_of(client.get(brazil.get_url()))
    assert path_of(head.canonical).startswith("/pt/")
    assert head.hreflang["x-default"] == head.canonical


@pytest.mark.parametrize(
    "query, canonical_query",
    [
        ("", ""),
        ("?country=CO", "?country=CO"),  # a country landing page is worth indexing
        ("?country=CO&page=2", "?country=CO"),  # the landing page, not its pages (the sitemap lists every practice)
        ("?q=rezago", ""),
        ("?country=CO&country=MX", ""),
        ("?country=CO&sort=oldest&page=3", "?country=CO"),
        ("?country=CO&year_from=2020", ""),
    ],
)
def test_search_canonical_keeps_only_a_single_filter(client, query, canonical_query):
    head = head_of(client.get("/es/buscar/" + query))
    assert path_of(head.canonical) == "/es/buscar/" + canonical_query
    assert path_of(head.hreflang["en"]) == "/en/search/" + canonical_query
    assert path_of(head.hreflang["pt"]) == "/pt/busca/" + canonical_query


def test_language_versions_cost_the_same_queries_for_one_or_three_languages(institution, translated_practice):
    from seo.alternates import version_of
    from tests.factories import make_practice

    alone = make_practice(institution)  # in tests no alias is made (wagtail-localize waits for a commit)
    counts = []
    for page in (alone, translated_practice):
        version_of(page)  # warm the site root paths and content types, cached across requests
        with CaptureQueriesContext(connection) as context:
            assert version_of(page) is not None
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1] <= 3  # view restrictions, the translations, their original language


def test_not_found_page_has_no_canonical(client):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()

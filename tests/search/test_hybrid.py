"""Hybrid search: meaning across the three languages beside the words, on the run's database
backend and on Elasticsearch (osmem), through the one search path (search/engine.py)."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from practices.models import InstitutionPage
from search import embeddings
from search.engine import SearchRequest, run_search
from search.text import text_query
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)

QUERY = "apoyo psicológico a víctimas de tortura"


def institution(code):
    return InstitutionPage.objects.get(locale=Locale.objects.get(language_code="es"), country__iso2=code)


def reindex(backend_name):
    if backend_name == "elasticsearch":
        call_command("update_index", backend_name="default", verbosity=0)


def search(query, **selections):
    chosen = {key: frozenset(values) for key, values in selections.items()}
    request = SearchRequest(locale=Locale.objects.get(language_code="es"), query=query, selections=chosen, limit=50)
    return run_search(request)


@pytest.fixture
def same_meaning_other_languages():
    """Two practices about what QUERY asks, in Portuguese and in English, sharing none of its words."""
    portuguese = make_practice(
        institution("BR"),
        title="Atendimento em saúde mental para sobreviventes de maus-tratos",
        summary="Equipes especializadas acompanham quem sofreu violência extrema durante o pedido de refúgio.",
        problem="<p>Muitas pessoas chegavam com traumas graves sem qualquer acompanhamento.</p>",
        original_language="pt",
    )
    english = make_practice(
        institution("BZ"),
        title="Mental health care for survivors of ill-treatment",
        summary="Counsellors support traumatised asylum seekers throughout the procedure.",
        problem="<p>Many applicants arrived with severe trauma and no care.</p>",
        original_language="en",
    )
    return portuguese, english


def test_a_spanish_query_finds_portuguese_and_english_practices_by_meaning(backend_name, same_meaning_other_languages):
    portuguese, english = same_meaning_other_languages
    reindex(backend_name)
    found = [page.pk for page in search(QUERY).results]
    assert portuguese.pk in found[:10] and english.pk in found[:10]


def test_the_two_practices_share_no_word_with_the_query(backend_name, same_meaning_other_languages):
    """What makes the previous test about meaning: the words alone find neither."""
    from wagtail.search.backends import get_search_backend

    from practices.queries import published_practices

    portuguese, english = same_meaning_other_languages
    reindex(backend_name)
    base = published_practices(locale=portuguese.locale)
    for relaxed in (False, True):
        words = get_search_backend().search(text_query(QUERY, relaxed=relaxed), base, order_by_relevance=False)
        assert not {portuguese.pk, english.pk} & {page.pk for page in words}


def test_a_filter_applies_to_results_found_only_by_meaning_and_the_counts_include_them(
    backend_name, same_meaning_other_languages
):
    portuguese, english = same_meaning_other_languages
    reindex(backend_name)
    everything = search(QUERY)
    brazil, belize = portuguese.country_id, english.country_id
    assert everything.facets["country"].get(brazil, 0) >= 1 and everything.facets["country"].get(belize, 0) >= 1
    filtered = search(QUERY, country={brazil})
    found = {page.pk for page in filtered.results}
    assert portuguese.pk in found and english.pk not in found
    assert filtered.count == len(filtered.results)
    # The country facet ignores its own selection; the language facet counts within Brazil.
    assert filtered.facets["country"].get(belize, 0) >= 1
    assert filtered.facets["language"].get("en", 0) == 0 and filtered.facets["language"].get("pt", 0) >= 1


def test_a_typo_finds_the_intended_practices_and_says_so(client, backend_name):
    html = client.get("/es/buscar/", {"q": "entrevistaz"}).content.decode()
    assert "Mostrando resultados de «entrevista»" in html
    assert "Red de intérpretes de lenguas mayas" in html or "Formación práctica en técnicas de entrevista" in html
    literal = client.get("/es/buscar/", {"q": "entrevistaz", "literal": "1"}).content.decode()
    assert "Mostrando resultados de" not in literal


def test_a_three_word_question_finds_practices_with_two_of_its_words(backend_name):
    page = make_practice(
        institution("UY"),
        title="Tablero quincenal",
        summary="Un tablero quincenal publica los tiempos de espera por oficina.",
        problem="<p>Nadie conocía los tiempos de espera.</p>",
    )
    reindex(backend_name)
    words = "tablero quincenal pizarrón"  # no practice has all three words
    assert page.pk in [result.pk for result in search(words).results][:3]


def test_a_practice_is_searchable_by_meaning_as_soon_as_it_is_published(backend_name):
    first = [page.pk for page in search(QUERY).results]
    page = make_practice(
        institution("CL"),
        title="Acompañamiento a quienes sufrieron tormentos",
        summary="Profesionales de salud mental acompañan a solicitantes traumatizados.",
        problem="<p>Sin atención especializada.</p>",
    )
    reindex(backend_name)
    assert page.pk not in first
    assert page.pk in [result.pk for result in search(QUERY).results][:10]


def test_the_model_is_loaded_once_per_process():
    embeddings.embed(["uno"])
    embeddings.embed(["dos", "tres"])
    search(QUERY)
    assert embeddings.loads == 1


def test_with_the_engine_down_the_database_still_answers_by_meaning(settings, same_meaning_other_languages):
    portuguese, english = same_meaning_other_languages
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://127.0.0.1:9"],  # nothing listens: connection refused
            "INDEX": "down",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": settings.WAGTAILSEARCH_BACKENDS["default"],
    }
    outcome = search(QUERY)
    assert outcome.degraded
    assert {portuguese.pk, english.pk} <= {page.pk for page in outcome.results}

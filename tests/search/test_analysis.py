"""Each practice's text analysed in its own language on PostgreSQL, and typos tolerated by the engine
where it can (Elasticsearch fuzziness): search/backends/postgres.py, search/backends/elasticsearch.py."""

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale

from practices.models import InstitutionPage
from practices.queries import published_practices
from search.text import text_query
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # the institutions of the demo (issue 12: to convert)


def institution(code):
    return InstitutionPage.objects.get(locale=Locale.objects.get(language_code="es"), country__iso2=code)


def matched(backend, query, *, relaxed=False) -> set[int]:
    base = published_practices(locale=Locale.objects.get(language_code="es"))
    return {page.pk for page in backend.search(text_query(query, relaxed=relaxed), base, order_by_relevance=False)}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's text search configurations")
def test_a_portuguese_practice_is_stemmed_in_portuguese_on_postgresql(db):
    """Spanish stemming of Portuguese text left "publicação" and "publicações" apart (neither is in the
    thesaurus, which would bridge them on its own)."""
    from wagtail.search.backends import get_search_backend

    page = make_practice(
        institution("BR"),
        title="Publicação mensal das estatísticas de refúgio",
        summary="Cada publicação traz os tempos de decisão por região.",
        original_language="pt",
    )
    backend = get_search_backend()
    assert page.pk in matched(backend, "publicações")
    assert page.pk in matched(backend, "publicação")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's text search configurations")
def test_each_row_is_analysed_with_its_own_language_configuration(db):
    make_practice(institution("BR"), title="Integração local", original_language="pt")
    make_practice(institution("BZ"), title="Local integration of refugees", original_language="en")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM wagtailsearch_indexentry"
            " WHERE title @@ to_tsquery('buenaspracticas_pt', 'integração')"
            " AND NOT title @@ to_tsquery('buenaspracticas_es', 'integração')"
        )
        assert cursor.fetchone()[0] >= 1  # the Portuguese stem "integr", which Spanish stemming does not make
        cursor.execute(
            "SELECT count(*) FROM wagtailsearch_indexentry WHERE title @@ to_tsquery('buenaspracticas_en', 'refugees')"
        )
        assert cursor.fetchone()[0] >= 1


def test_a_misspelt_word_among_others_finds_the_practice_through_elasticsearch_fuzziness(db, elasticsearch_backend):
    page = make_practice(
        institution("AR"),
        title="Notificaciones con acuse de lectura",
        summary="Cada resolución se comunica y se confirma su lectura dentro del plazo.",
    )
    call_command("update_index", backend_name="elasticsearch", verbosity=0)
    # "notificasiones" is one edit from "notificaciones"; "pliego" is in no practice.
    assert page.pk in matched(elasticsearch_backend, "notificasiones pliego", relaxed=True)
    # Every word must match exactly first: fuzziness only where the search relaxes.
    assert page.pk not in matched(elasticsearch_backend, "notificasiones")
    # Short words are not stretched: "plato" does not find "plazo" (nor would "plaza", through the stems).
    assert page.pk not in matched(elasticsearch_backend, "plato pliego", relaxed=True)

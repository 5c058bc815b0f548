"""Accents, plurals and the three languages: the same behaviour on SQLite, PostgreSQL and Elasticsearch."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from practices.models import InstitutionPage, PracticePage
from practices.taxonomy import Topic
from search.engine import SearchRequest, run_search
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


@pytest.fixture
def corpus(db, backend_name):
    spanish = Locale.objects.get(language_code="es")
    argentina = InstitutionPage.objects.get(locale=spanish, country__iso2="AR")
    brazil = InstitutionPage.objects.get(locale=spanish, country__iso2="BR")
    pages = {
        "es": make_practice(
            argentina,
            title="Firma electrónica de las decisiones de elegibilidad",
            summary="Las resoluciones se firman en línea tras una única entrevista y el estudio de la información "
            "sobre país de origen, gracias a la digitalización del expediente.",
        ),
        "pt": make_practice(
            brazil,
            title="Carteira única para cada solicitante reconhecido",
            summary="Cada refugiado reconhecido recebe o documento no mesmo dia.",
            original_language="pt",
        ),
        "mx": make_practice(argentina, title="Oficinas regionales en México y Centroamérica"),
    }
    if backend_name == "elasticsearch":
        call_command("update_index", backend_name="default", verbosity=0)
    return pages


def found(query: str) -> set[int]:
    spanish = Locale.objects.get(language_code="es")
    return {page.pk for page in run_search(SearchRequest(locale=spanish, query=query, limit=100)).results}


@pytest.mark.parametrize(
    "query, key",
    [
        ("digitalizacion", "es"),  # accents folded
        ("resolución", "es"),  # the text only says "resoluciones"
        ("entrevistas", "es"),  # the text only says "entrevista"
        ("pais de origen", "es"),  # "país de origen"
        ("refugiados", "pt"),  # Portuguese "refugiado"
    ],
)
def test_accents_and_plurals_do_not_matter(request, backend_name, corpus, query, key):
    assert corpus[key].pk in found(query)


def test_a_word_that_is_not_there_finds_nothing(corpus):
    assert not found("helicóptero") & {page.pk for page in corpus.values()}


def test_autocomplete_folds_accents(request, backend_name, corpus):
    spanish_tree = PracticePage.objects.live().filter(locale=Locale.objects.get(language_code="es"))
    titles = [page.title for page in get_search_backend().autocomplete("Méx", spanish_tree)]
    assert corpus["mx"].title in titles


def test_topic_names_in_three_languages_bridge_the_languages(db, backend_name):
    """`backlog` (English) finds Spanish practices about "rezago" and Portuguese ones about "passivo"."""
    if backend_name == "elasticsearch":
        call_command("update_index", backend_name="default", verbosity=0)
    topic = Topic.objects.get(slug="eficiencia-y-rezago")
    spanish = Locale.objects.get(language_code="es")
    tagged = PracticePage.objects.live().filter(locale=spanish, tagged_topics__tag=topic)
    hits = found("backlog")
    assert tagged.filter(original_language="es").first().pk in hits
    assert tagged.filter(original_language="pt").first().pk in hits

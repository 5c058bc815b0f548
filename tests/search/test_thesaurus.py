"""Cross-language search through the secretariat's thesaurus, on the database backend and Elasticsearch."""

from django.core.management import call_command
from wagtail.models import Locale

from practices.models import InstitutionPage
from search.engine import SearchRequest, run_search
from search.models import SynonymGroup
from tests.factories import make_practice


def institution(code):
    return InstitutionPage.objects.get(locale=Locale.objects.get(language_code="es"), country__iso2=code)


def found(query):
    request = SearchRequest(locale=Locale.objects.get(language_code="es"), query=query, limit=100)
    return {page.pk for page in run_search(request).results}


def reindex(backend_name):
    if backend_name == "elasticsearch":
        call_command("update_index", backend_name="default", verbosity=0)


def test_backlog_finds_rezago_in_spanish_and_passivo_in_portuguese(backend_name):
    spanish = make_practice(institution("PE"), title="Brigadas de cierre", summary="Cerramos el rezago en seis meses.")
    portuguese = make_practice(
        institution("BR"), title="Mutirão de decisões", summary="O passivo caiu pela metade.", original_language="pt"
    )
    unrelated = make_practice(institution("UY"), title="Ferias de empleo", summary="Inserción laboral de refugiados.")
    reindex(backend_name)
    hits = found("backlog")
    assert {spanish.pk, portuguese.pk} <= hits
    assert unrelated.pk not in hits


def test_a_phrase_in_one_language_finds_its_equivalent_in_another(backend_name):
    page = make_practice(institution("EC"), title="Red regional", summary="Shared country of origin information notes.")
    reindex(backend_name)
    assert page.pk in found("información sobre país de origen")


def test_a_group_the_secretariat_adds_works_at_once(backend_name):
    page = make_practice(institution("PY"), title="Agenda en línea", summary="Los turnos se reservan en línea.")
    reindex(backend_name)
    # "bookings" is in no group of the shipped vocabulary ("appointments" is, since issue 13).
    assert page.pk not in found("bookings")
    SynonymGroup.objects.create(name="Reservas", terms="turnos\nbookings\nreservas")
    assert page.pk in found("bookings")


def test_an_expanded_phrase_needs_all_its_words(backend_name):
    """ "rezago" expands to "acumulación de casos"…: a text that only says "casos" is not about it
    (SQLite once lost the parentheses: "acumulación OR … AND de AND casos OR caso" matched any "caso")."""
    about = make_practice(institution("CO"), title="Plan de choque", summary="Redujimos la acumulación de casos.")
    only_cases = make_practice(institution("CL"), title="Ferias de orientación", summary="Atendimos casos urgentes.")
    reindex(backend_name)
    hits = found("rezago")
    assert about.pk in hits
    assert only_cases.pk not in hits


def test_relevance_puts_the_title_match_first(backend_name):
    in_title = make_practice(institution("CR"), title="Intérpretes por videollamada", summary="Un servicio nacional.")
    in_text = make_practice(
        institution("PA"), title="Oficina móvil", summary="La oficina móvil lleva registro, intérpretes y orientación."
    )
    reindex(backend_name)
    request = SearchRequest(locale=Locale.objects.get(language_code="es"), query="intérpretes", limit=100)
    order = [page.pk for page in run_search(request).results]
    assert order.index(in_title.pk) < order.index(in_text.pk)


def test_plurals_and_inflections_expand_like_the_term(backend_name):
    """The group of "notificação" also answers "notificações" (terms match on stems)."""
    page = make_practice(institution("BZ"), title="Plain letters", summary="Every notification is read aloud.")
    reindex(backend_name)
    assert page.pk in found("notificações")
    assert page.pk in found("notificaciones")

import pytest
from wagtail.models import Locale

from practices.models import InstitutionPage, PracticePage
from tests.factories import make_practice, translate


def tree(language: str):
    return PracticePage.objects.live().filter(locale=Locale.objects.get(language_code=language))


@pytest.fixture
def spanish_practice(institution):
    """A practice written in Spanish and not translated: its /en/ and /pt/ pages are aliases."""
    return make_practice(institution, title="Turnos en línea", original_language="es", aliases=True)


@pytest.fixture
def translated_practice(institution):
    """A practice with a real English translation."""
    practice = make_practice(institution, title="Entrevistas remotas", original_language="es", aliases=True)
    translate(practice, "en", title="Remote interviews", summary="A test summary of a practice.")
    return practice


@pytest.fixture
def portuguese_original(es):
    """One of Brazil's practices: the original, in the Spanish tree, is written in Portuguese."""
    brazil = InstitutionPage.objects.get(locale=es, country__iso2="BR")
    return make_practice(
        brazil,
        title="Entrevistas por videoconferência",
        summary="Resumo de teste de uma prática.",
        original_language="pt",
        aliases=True,
    )

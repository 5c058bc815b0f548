import pytest
from wagtail.models import Locale

from practices.models import PracticePage


def tree(language: str):
    return PracticePage.objects.live().filter(locale=Locale.objects.get(language_code=language))


@pytest.fixture
def spanish_practice(db):
    """A demo practice written in Spanish and not translated: its /en/ and /pt/ pages are aliases."""
    translated = PracticePage.objects.filter(alias_of__isnull=True).exclude(locale__language_code="es")
    keys = translated.values_list("translation_key", flat=True)
    return tree("es").filter(original_language="es").exclude(translation_key__in=keys).order_by("pk").first()


@pytest.fixture
def translated_practice(db):
    """A demo practice with a real English translation."""
    english = tree("en").filter(alias_of__isnull=True).order_by("pk").first()
    assert english is not None, "the demo content has translated practices"
    return tree("es").get(translation_key=english.translation_key)


@pytest.fixture
def portuguese_original(db):
    """One of Brazil's practices: the original, in the Spanish tree, is written in Portuguese."""
    return tree("es").filter(original_language="pt").order_by("pk").first()

"""Shared fixtures. The test database is built once per session with the site tree and the
demo content, the way `make run` builds it; each test then runs in a rolled-back transaction.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Locale


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", "--force", verbosity=0)
        # The semantic search's vectors, embedded once for the session (search/semantic.py).
        from search.semantic import index_live_practices

        index_live_practices()


@pytest.fixture(autouse=True)
def _every_test_reads_the_session_site(db):
    """Every test may read the site built once per session; its own writes are rolled back,
    and so must be what was cached from them (facet options, thesaurus)."""
    from search import log

    cache.clear()
    log.discard()
    yield
    cache.clear()
    log.discard()


@pytest.fixture
def es(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def pt(db):
    return Locale.objects.get(language_code="pt")


@pytest.fixture
def institution(es):
    """Argentina's CONARE profile page in the Spanish tree."""
    from practices.models import InstitutionPage

    return InstitutionPage.objects.get(locale=es, country__iso2="AR")


@pytest.fixture
def other_institution(es):
    from practices.models import InstitutionPage

    return InstitutionPage.objects.get(locale=es, country__iso2="MX")

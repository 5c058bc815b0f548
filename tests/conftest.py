"""Shared fixtures.

The session builds only the site's skeleton, the way `setup_site` builds it: home, the indexes, the
17 institution pages in es/en/pt, the curation pages, the groups and their rights, the review
workflow, and the demo log-ins (admin, secretaria, oficial-ar/br/mx/cr) with their admin languages.
Locales and the reference vocabularies come from the migrations. Each test builds the practices,
meetings and selections it reads with tests/factories.py, inside its rolled-back transaction.

The demo content (`load_demo`) is loaded only for tests that ask for the `demo` fixture, once per
session and committed; those tests run after every other one (pytest_collection_modifyitems
below), so a test that does not ask for it never sees it, whatever the shuffled order.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale

from tests import dbtemplate


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On PostgreSQL, the test database is copied from the last session's template when the code
    that builds it has not changed since (tests/dbtemplate.py)."""
    if dbtemplate.enabled():
        _session["template"] = dbtemplate.template_name()
        _session["from_template"] = dbtemplate.use_if_ready(_session["template"])


_session = {"template": None, "from_template": False}


def build_skeleton():
    from home.demo.loader import create_demo_users
    from home.demo.officials import set_demo_user_languages

    call_command("setup_site", verbosity=0)
    create_demo_users()
    set_demo_user_languages()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not _session["from_template"]:
            build_skeleton()
            if _session["template"]:
                dbtemplate.save(_session["template"])


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The whole demo content, loaded (and committed) the first time a test asks for it."""
    from search.semantic import index_live_practices

    with django_db_blocker.unblock():
        call_command("load_demo", "--force", verbosity=0)
        # The semantic search's vectors, embedded once for the session (search/semantic.py).
        index_live_practices()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a whole module, rolled back after its last test: what a module-scoped
    fixture builds in it (`make_corpus`, tests/factories.py) is built once and read by each of the
    module's tests, whose own writes roll back to a savepoint (pytest-django's `db` nests in it).
    Not for tests that need committed data (`transactional_db`, the live server)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that read the demo run last (after pytest-randomly's shuffle, which keeps its order
    within each group): the demo, once committed, stays for the rest of the session."""
    items.sort(key=lambda item: "demo" in getattr(item, "fixturenames", ()))


@pytest.fixture(autouse=True)
def _every_test_reads_the_session_site(db):
    """Every test may read the skeleton built once per session; its own writes are rolled back,
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

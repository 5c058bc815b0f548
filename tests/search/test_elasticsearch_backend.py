"""The production search backend (elasticsearch9 with the real client) indexes and searches our pages."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from practices.models import PracticePage

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


def test_the_practices_index_builds_and_answers_on_the_production_backend(elasticsearch_backend):
    call_command("update_index", backend_name="elasticsearch", verbosity=0)
    spanish_tree = PracticePage.objects.live().public().filter(locale=Locale.objects.get(language_code="es"))
    results = elasticsearch_backend.search("rezago", spanish_tree)
    titles = [page.title for page in results]
    assert titles, "rezago appears in several demo practices"
    assert all(page.locale.language_code == "es" for page in results)
    counts = elasticsearch_backend.search("rezago", spanish_tree).facet("kind")
    assert set(counts) <= {"practice", "lesson"} and sum(counts.values()) == len(titles)

"""Moving a practice to another institution re-indexes it with the new institution and country,
on the database backend and on Elasticsearch (osmem here)."""

import pytest
from django.core.management import call_command

from practices.models import PracticePage
from practices.taxonomy import Country
from search.engine import SearchRequest, run_search


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings):
    """The named engine as the site's default backend, with a fresh index kept up to date on save."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_backend")
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            "default": {**settings.WAGTAILSEARCH_BACKENDS["elasticsearch"], "AUTO_UPDATE": True},
        }
        call_command("update_index", backend_name="default", verbosity=0)
    return request.param


def found_ids(es, country: str) -> set[int]:
    """Every Spanish practice the country filter finds (one page big enough for all)."""
    request = SearchRequest(locale=es, selections={"country": {Country.objects.get(iso2=country).pk}}, limit=500)
    return {page.pk for page in run_search(request).results}


def test_a_moved_practice_is_found_under_its_new_country_only(engine, es, institution, other_institution):
    practice = PracticePage.objects.live().filter(institution=institution, partners=None).first()
    assert practice is not None
    assert practice.pk in found_ids(es, "AR") and practice.pk not in found_ids(es, "MX")

    practice.move(other_institution, pos="last-child")

    moved = PracticePage.objects.get(pk=practice.pk)
    assert (moved.institution_id, moved.country.iso2) == (other_institution.pk, "MX")
    assert practice.pk in found_ids(es, "MX")
    assert practice.pk not in found_ids(es, "AR")

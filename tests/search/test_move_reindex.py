"""Moving a practice to another institution re-indexes it with the new institution and country,
on the database backend and on Elasticsearch (osmem here)."""

import pytest
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage
from practices.taxonomy import Country
from search.engine import SearchRequest, run_search

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


@pytest.fixture
def practice(institution):
    """A practice of Argentina's with no partner country (a partner would keep it under AR)."""
    return PracticePage.objects.live().filter(institution=institution, partners=None).order_by("pk").first()


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings, practice):
    """The named engine as the site's default backend, kept up to date on save. On Elasticsearch
    the index holds just this practice: enough for the filter, and quick on a busy machine."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_backend")
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            "default": {**settings.WAGTAILSEARCH_BACKENDS["elasticsearch"], "AUTO_UPDATE": True},
        }
        index = get_search_backend().get_index_for_model(PracticePage)
        index.reset()
        index.add_model(PracticePage)
        index.add_item(practice)
        index.refresh()
    return request.param


def found_ids(es, country: str) -> set[int]:
    """Every Spanish practice the country filter finds (one page big enough for all)."""
    refresh = getattr(get_search_backend().get_index_for_model(PracticePage), "refresh", None)
    if refresh:
        refresh()  # Elasticsearch: what was indexed is searchable now
    request = SearchRequest(locale=es, selections={"country": {Country.objects.get(iso2=country).pk}}, limit=500)
    return {page.pk for page in run_search(request).results}


def test_a_moved_practice_is_found_under_its_new_country_only(engine, es, practice, other_institution):
    assert practice.pk in found_ids(es, "AR") and practice.pk not in found_ids(es, "MX")

    practice.move(other_institution, pos="last-child")

    moved = PracticePage.objects.get(pk=practice.pk)
    assert (moved.institution_id, moved.country.iso2) == (other_institution.pk, "MX")
    assert practice.pk in found_ids(es, "MX")
    assert practice.pk not in found_ids(es, "AR")

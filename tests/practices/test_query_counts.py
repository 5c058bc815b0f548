"""The practice page costs the same number of SQL queries however many rows it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.taxonomy import Country, ProcedureStage, Topic
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


def queries_for(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_practice_page_queries_do_not_grow_with_results_documents_topics_or_partners(client, institution):
    small = make_practice(
        institution,
        topics=Topic.objects.all()[:1],
        stages=ProcedureStage.objects.all()[:1],
        partners=Country.objects.filter(iso2="UY"),
        results=1,
        documents=1,
    )
    large = make_practice(
        institution,
        topics=Topic.objects.all()[:8],
        stages=ProcedureStage.objects.all()[:6],
        partners=Country.objects.filter(iso2__in=["UY", "PY", "CL", "BR"]),
        results=12,
        documents=9,
    )
    small_count = queries_for(client, small.get_url())
    large_count = queries_for(client, large.get_url())
    assert small_count == large_count
    # Includes the related practices (ranked on ids, then the winners fetched: +1 query, and 1 s
    # less per page at 10,000 practices), the partners' institution pages, and canonical/hreflang
    # chosen by the text's language (+2).
    assert large_count <= 32


def test_institution_page_queries_do_not_grow_with_its_practices(client, institution):
    first = queries_for(client, institution.get_url())
    for _ in range(5):
        make_practice(institution, topics=Topic.objects.all()[:3])
    assert queries_for(client, institution.get_url()) == first


def test_home_page_queries_are_bounded(client):
    assert queries_for(client, "/es/") <= 20


def test_search_page_queries_do_not_grow_with_the_number_of_results(client):
    from wagtail.models import Locale

    from practices.models import PracticePage
    from search.forms import DEFAULT_PAGE_SIZE as PAGE_SIZE

    few_query, some_query = "Warao", "rezago"
    spanish_tree = PracticePage.objects.live().filter(locale=Locale.objects.get(language_code="es"))
    assert 0 < spanish_tree.search(few_query).count() < spanish_tree.search(some_query).count() < PAGE_SIZE
    assert spanish_tree.count() > PAGE_SIZE  # browsing shows a full page
    few = queries_for(client, f"/es/buscar/?q={few_query}")
    some = queries_for(client, f"/es/buscar/?q={some_query}")
    browse = queries_for(client, "/es/buscar/")
    assert few == some  # a text search also looks up the secretariat's promotions for it
    assert browse <= few <= 8

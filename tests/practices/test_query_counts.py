"""The practice page costs the same number of SQL queries however many rows it shows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.taxonomy import Country, ProcedureStage, Topic
from tests.factories import make_practice


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
    assert large_count <= 25


def test_institution_page_queries_do_not_grow_with_its_practices(client, institution):
    first = queries_for(client, institution.get_url())
    for _ in range(5):
        make_practice(institution, topics=Topic.objects.all()[:3])
    assert queries_for(client, institution.get_url()) == first


def test_home_page_queries_are_bounded(client):
    assert queries_for(client, "/es/") <= 20

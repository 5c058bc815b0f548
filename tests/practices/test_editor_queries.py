"""The practice editor answers with a bounded number of SQL queries, whatever the practice holds.

Before: 44 queries for the new-practice form and 72 for an edit of a published demo practice
(PostgreSQL), 160 to 183 for a draft with a dozen rows. Each checkbox list (stages, topics,
mechanisms, partner countries) was read twice, each keyword, topic and attached document once
more, each reference of a draft's rows once more, and the language switcher re-read deferred
fields row by row (docs/editor.md). Session 11: 27 -> 19 and 78 -> 45 (the draft below) once
the workflow assignments come from the shared cache (practices/workflow_lookup.py) and the edit
form reuses the workflow states and scheduled revision Wagtail read (practices/admin_views.py), a
new page asks for no workflow state (workflow_lookup.py) and a draft's references are checked in
one UNION statement (revisions.py). What remains is
Wagtail's own (session, permissions, locks, comments, editing sessions, usage count, menus) and
wagtail-localize's; the list with each query's origin is in docs/editor.md, *Queries*.
"""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.taxonomy import Country, Keyword, ProcedureStage, Topic
from tests.factories import make_practice

ADD_FORM_MAX = 19
# A draft newer than the live page: Wagtail rebuilds it from its revision (here with every
# reference checked in one query per table, practices/revisions.py). 160 queries for the large
# practice below before, one more per row of any kind.
EDIT_FORM_MAX = 45


def queries_for(client, url) -> list[str]:
    client.get(url)  # warm per-process caches (content types, site root paths, vocabularies)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def official(client):
    client.force_login(get_user_model().objects.get(username="oficial-ar"))


def test_the_new_practice_form_reads_no_vocabulary_and_stays_under_its_budget(client, institution):
    official(client)
    queries = queries_for(client, f"/admin/pages/add/practices/practicepage/{institution.pk}/")
    vocabularies = [q for q in queries if any(f'"practices_{t}"' in q for t in ("topic", "country", "mechanism"))]
    assert vocabularies == []  # the checkbox lists come from the facets' cache
    assert len(queries) <= ADD_FORM_MAX


def test_the_edit_form_does_not_grow_with_keywords_topics_results_or_documents(client, institution):
    official(client)
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
    for page, count in ((small, 1), (large, 9)):
        keywords = [Keyword.objects.get_or_create(name=f"palabra {i}", slug=f"palabra-{i}")[0] for i in range(count)]
        page.keywords.set(keywords)
        page.save_revision()
    small_count = len(queries_for(client, f"/admin/pages/{small.pk}/edit/"))
    large_count = len(queries_for(client, f"/admin/pages/{large.pk}/edit/"))
    assert large_count == small_count
    assert large_count <= EDIT_FORM_MAX

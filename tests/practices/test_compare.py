import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from practices.models import PracticePage
from practices.taxonomy import Topic
from tests.factories import make_practice


@pytest.fixture
def spanish_ids(institution):
    """The ids of n published practices of the Spanish tree, with their aliases in en/pt."""
    built = []

    def ids(n):
        while len(built) < n:
            built.append(make_practice(institution, aliases=True).pk)
        return built[:n]

    return ids


def columns(html):
    """The compared practices: the column titles of the comparison table (not those of its charts)."""
    if 'class="compare-table"' not in html:
        return 0
    return html.split('class="compare-table"')[1].split("</thead>")[0].count('<th scope="col"')


def test_two_to_four_practices_side_by_side_field_by_field(client, spanish_ids):
    ids = spanish_ids(3)
    html = client.get("/es/comparar/", {"p": ids}).content.decode()
    assert columns(html) == 3
    for label in ("Institución y país", "Etapas del procedimiento", "Problema abordado", "Lecciones aprendidas"):
        assert label in html


def test_result_indicators_are_aligned_by_name_and_stay_numbers(client, institution):
    a = make_practice(institution, results=2)
    b = make_practice(institution, results=1)
    html = client.get("/es/comparar/", {"p": [a.pk, b.pk]}).content.decode()
    row = html[html.index("Indicador 0") : html.index("Indicador 1")]
    assert row.count("<strong>50</strong>") == 2  # the same indicator, one row, both practices
    assert html[html.index("Indicador 1") :].split("</tr>")[0].count("—") == 1  # b has no second indicator


def test_the_selection_lives_in_the_url_and_follows_the_language(client, spanish_ids):
    ids = spanish_ids(2)
    html = client.get("/en/compare/", {"p": ",".join(map(str, ids))}).content.decode()
    assert columns(html) == 2
    english = [PracticePage.objects.get(pk=pk).get_translation(Locale.objects.get(language_code="en")) for pk in ids]
    assert all(page.get_url() in html for page in english)


def test_bad_selections_are_explained_not_errors(client, spanish_ids):
    for params in ({}, {"p": "abc"}, {"p": "999999"}, {"p": spanish_ids(1)}, {"p": spanish_ids(6)}):
        response = client.get("/es/comparar/", params)
        assert response.status_code == 200
        assert 'role="status"' in response.content.decode()
    assert columns(client.get("/es/comparar/", {"p": spanish_ids(6)}).content.decode()) == 4


def test_drafts_are_never_compared(client, institution, spanish_ids):
    draft = make_practice(institution, title="Borrador comparado", publish=False)
    html = client.get("/es/comparar/", {"p": [draft.pk, *spanish_ids(2)]}).content.decode()
    assert "Borrador comparado" not in html


def test_comparison_queries_do_not_grow_with_the_number_of_practices(client, spanish_ids):
    def count(n):
        client.get("/es/comparar/", {"p": spanish_ids(n)})
        with CaptureQueriesContext(connection) as context:
            client.get("/es/comparar/", {"p": spanish_ids(n)})
        return len(context.captured_queries)

    assert count(2) == count(4)


def test_practice_pages_show_related_practices_never_themselves(client, institution, other_institution):
    topics = list(Topic.objects.order_by("pk")[:2])
    page, *_ = [make_practice(parent, topics=topics) for parent in [institution, other_institution] * 3]
    make_practice(institution, topics=topics, publish=False)  # a draft on the same topics is never related
    response = client.get(page.get_url())
    related = response.context["related"]
    assert 3 <= len(related) <= 5
    assert page.pk not in {p.pk for p in related}
    assert all(p.live for p in related)
    assert "/es/comparar/?p=" in response.content.decode()

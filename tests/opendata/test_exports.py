"""CSV and JSON exports of search result sets, checked against the database and the search API."""

import csv
import io
import json
from datetime import date

import pytest
from django.db.models import Q
from django.utils import translation

from opendata.rows import INDICATOR_COLUMNS, PRACTICE_COLUMNS
from practices.choices import PracticeKind
from practices.models import PracticePage, ResultIndicator
from practices.queries import published_practices
from practices.taxonomy import Country, Topic
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


def content(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response) -> list[list[str]]:
    text = content(response)
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the byte-order mark
    return list(csv.reader(io.StringIO(text[1:])))


def column(name: str) -> int:
    return [key for key, _label in PRACTICE_COLUMNS].index(name)


def test_csv_has_every_matching_practice_not_just_a_page(client, originals):
    response = client.get("/api/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="practices-{date.today().isoformat()}.csv"'
    rows = csv_rows(response)
    with translation.override("es"):
        assert rows[0] == [str(label) for _key, label in PRACTICE_COLUMNS]
    ids = [int(row[column("id")]) for row in rows[1:]]
    assert len(ids) == originals.count() > 20  # more than one search page
    assert sorted(ids) == sorted(originals.values_list("pk", flat=True))
    assert response["X-Total-Count"] == str(len(ids))


def test_csv_row_has_the_structured_fields_and_never_the_email(client, institution):
    topic = Topic.objects.get(slug="digitalizacion")
    page = make_practice(
        institution,
        title="Registro digital único",
        topics=[topic],
        partners=[Country.objects.get(iso2="UY")],
        results=3,
        problem="<p>Primer párrafo.</p><p>Segundo &amp; último.</p>",
        contact_name="Luis Gómez",
        contact_email="luis.gomez@conare.example",
        resources_time="8 meses",
    )
    rows = csv_rows(client.get("/api/export.csv", {"q": "Registro digital único"}))
    row = next(row for row in rows[1:] if row[column("id")] == str(page.pk))
    record = dict(zip([key for key, _label in PRACTICE_COLUMNS], row, strict=True))
    assert record["title"] == "Registro digital único"
    assert record["url"] == page.get_full_url()
    assert record["country_code"] == "AR" and record["country"] == "Argentina"
    assert record["partner_countries"] == "Uruguay"
    assert record["topics"] == topic.name
    with translation.override("es"):
        assert record["kind"] == str(PracticeKind.PRACTICE.label)
    assert record["problem"] == "Primer párrafo.\nSegundo & último."
    assert record["indicator_count"] == "3"
    assert record["resources_time"] == "8 meses"
    assert record["contact_name"] == "Luis Gómez"
    assert record["contact_institution"] == institution.title
    assert record["year_started"] == "2022"

    # Labels follow `lang` (the demo content has every practice in the English tree).
    english = csv_rows(client.get("/api/export.csv", {"country": "AR", "lang": "en"}))
    for row in english[1:]:
        page_en = PracticePage.objects.get(pk=row[column("id")])
        assert page_en.locale.language_code == "en" and "/en/" in row[column("url")]
        assert row[column("kind")] == {"practice": "Good practice", "lesson": "Lesson learned"}[page_en.kind]
        assert row[column("topics")] == "; ".join(t.tag.name_en for t in page_en.tagged_topics.select_related("tag"))
    assert "conare.example" not in content(client.get("/api/export.csv", {"q": "Registro digital único"}))
    assert "conare.example" not in content(client.get("/api/export.json", {"q": "Registro digital único"}))


def test_export_is_the_search_result_set(client, get_json, originals):
    """The same parameters give the same set as the search API, text and filters included."""
    for params in (
        {"country": "AR"},
        {"country": "CR,PA", "kind": "practice"},
        {"topic": "digitalizacion", "year_from": "2019"},
        {"q": "entrevista"},
        {"q": "rezago", "mechanism": "mirps", "sort": "year"},
    ):
        search = get_json("/api/search/", page_size=100, **params)
        data = json.loads(content(client.get("/api/export.json", params)))
        assert data["count"] == search["count"] == len(data["results"]) > 0, params
        assert [r["id"] for r in data["results"][:100]] == [r["id"] for r in search["results"]], params
    exported = {r["id"] for r in json.loads(content(client.get("/api/export.json", {"country": "AR"})))["results"]}
    assert exported == set(
        originals.filter(Q(country__iso2="AR") | Q(partners__iso2="AR")).values_list("pk", flat=True)
    )


def test_json_nests_indicator_rows(client, institution):
    page = make_practice(institution, title="Práctica con tres indicadores", results=3)
    data = json.loads(content(client.get("/api/export.json", {"q": "tres indicadores"})))
    assert data["language"] == "es" and data["query"] == "tres indicadores" and data["truncated"] is False
    record = next(r for r in data["results"] if r["id"] == page.pk)
    rows = list(page.results.order_by("sort_order"))
    assert [i["indicator"] for i in record["indicators"]] == [r.indicator for r in rows]
    second = next(i for i in record["indicators"] if i["indicator"] == "Indicador 1")  # rows may share a sort order
    assert second == {
        "type": None,
        "indicator": "Indicador 1",
        "baseline": 101,
        "result": 51,
        "change": -50,
        "change_percent": -49.5,
        "unit": "días",
        "period": "",
        "period_start": None,
        "period_end": None,
        "source": "",
    }


def test_indicator_rows_csv_has_one_row_per_indicator(client, originals):
    response = client.get("/api/export.csv", {"rows": "indicators"})
    assert "practice-indicators-" in response["Content-Disposition"]
    rows = csv_rows(response)
    with translation.override("es"):
        assert rows[0] == [str(label) for _key, label in INDICATOR_COLUMNS]
    expected = ResultIndicator.objects.filter(page__in=originals)
    assert len(rows) - 1 == expected.count() > 0
    first = expected.select_related("page").order_by("pk").first()
    assert any(row[0] == str(first.page_id) and row[5] == first.indicator for row in rows[1:])


def test_spreadsheet_formulas_are_neutralised(client, institution):
    page = make_practice(
        institution,
        title='=HYPERLINK("http://evil.example","clic")',
        summary="+SUM(1,2) y más",
        resources_staff="@cmd",
        resources_time="-2+3",
    )
    rows = csv_rows(client.get("/api/export.csv", {"q": "HYPERLINK"}))
    row = next(row for row in rows[1:] if row[column("id")] == str(page.pk))
    assert row[column("title")] == "'" + page.title
    assert row[column("summary")] == "'+SUM(1,2) y más"
    assert row[column("resources_staff")] == "'@cmd"
    assert row[column("resources_time")] == "'-2+3"
    assert row[column("year_started")] == "2022"  # numbers stay numbers


@pytest.mark.parametrize(
    "params, words",
    [
        ({"country": "ZZ"}, ["ZZ", "country"]),
        ({"topic": "no-such-topic"}, ["no-such-topic"]),
        ({"year_from": "abc"}, ["abc", "year_from"]),
        ({"year_to": "3000"}, ["3000"]),
        ({"sort": "cheapest"}, ["cheapest", "relevance"]),
        ({"lang": "fr"}, ["fr", "es, en, pt"]),
        ({"rows": "documents"}, ["documents", "indicators"]),
        ({"colour": "red"}, ["colour"]),
    ],
)
def test_bad_parameters_are_400_with_the_reason(client, params, words):
    response = client.get("/api/export.csv", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    for word in words:
        assert word in response.content.decode()
    if "rows" not in params:
        response = client.get("/api/export.json", params)
        assert response.status_code == 400
        assert all(word in response.json()["message"] for word in words)


def test_rows_is_only_for_csv(client):
    assert client.get("/api/export.json", {"rows": "indicators"}).status_code == 400


def test_messages_follow_the_language(client):
    response = client.get("/api/export.json", {"country": "ZZ", "lang": "es"})
    assert "ZZ" in response.json()["message"]


def test_search_page_parameters_that_do_not_change_the_set_are_accepted(client, pt):
    response = client.get("/api/export.json", {"page": "3", "page_size": "abc", "lang": "pt"})
    assert response.status_code == 200
    data = json.loads(content(response))
    assert data["count"] == len(data["results"]) == published_practices(locale=pt).count()
    assert all("/pt/" in record["url"] for record in data["results"])


def test_only_get(client):
    assert client.post("/api/export.csv").status_code == 405

"""Comparable indicators (issue 14): the shared types, change and direction, the comparison that
aligns rows by type, the indicator pages across countries, and the importer, API and exports
carrying the type."""

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from practices.importing import import_practices
from practices.indicators import BETTER, SAME, WORSE, change_percent, parse_period, period_label, verdict
from practices.models import PracticePage, ResultIndicator
from practices.taxonomy import IndicatorType

# Reads the demo content (loaded once, after the other tests: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo")

BACKLOG = "pending-applications"


# --- The rules, below the pages --------------------------------------------------------------------


def test_change_is_a_percentage_of_the_baseline_and_none_from_zero_or_without_baseline():
    assert change_percent(Decimal(3800), Decimal(1200)) == Decimal("-68.4")
    assert change_percent(Decimal(40), Decimal(95)) == Decimal("137.5")
    assert change_percent(Decimal(0), Decimal(26)) is None
    assert change_percent(None, Decimal(26)) is None


@pytest.mark.parametrize(
    ("baseline", "result", "direction", "expected"),
    [
        (3800, 1200, "lower", BETTER),  # a backlog that falls
        (1200, 3800, "lower", WORSE),
        (40, 95, "higher", BETTER),  # decisions per month that rise
        (95, 40, "higher", WORSE),
        (10, 10, "higher", SAME),
        (None, 10, "higher", None),
        (10, 5, None, None),  # a free label has no direction: nothing is judged
    ],
)
def test_better_or_worse_follows_the_direction_of_the_type(baseline, result, direction, expected):
    baseline = None if baseline is None else Decimal(baseline)
    assert verdict(baseline, Decimal(result), direction) == expected


def test_plain_year_periods_become_dates_and_read_back_as_years():
    assert parse_period("2022-2024") == (date(2022, 1, 1), date(2024, 12, 31))
    assert parse_period("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert parse_period("2016–2020") == (date(2016, 1, 1), date(2020, 12, 31))
    assert parse_period("18 meses") is None and parse_period("2024-2020") is None
    assert period_label(date(2022, 1, 1), date(2024, 12, 31)) == "2022–2024"
    assert period_label(date(2023, 1, 1), date(2023, 12, 31)) == "2023"
    assert period_label(date(2023, 3, 1), date(2024, 6, 30)) == "03/2023–06/2024"


def test_the_issue_examples_are_seeded_as_types_with_a_unit_and_a_direction(db):
    types = {t.slug: t for t in IndicatorType.objects.all()}
    for slug in (
        BACKLOG,
        "days-to-first-instance-decision",
        "decisions-per-month",
        "applications-registered",
        "decisions-within-time-limit",
        "staff-trained",
    ):
        assert slug in types and types[slug].name_en and types[slug].name_pt and types[slug].unit
    assert types[BACKLOG].direction == "lower" and types["decisions-per-month"].direction == "higher"


# --- The comparison ---------------------------------------------------------------------------------


def backlog_practices(es, countries=("CO", "DO", "BZ")):
    pages = []
    for code in countries:
        pages.append(
            PracticePage.objects.live()
            .filter(locale=es, country__iso2=code, results__indicator_type__slug=BACKLOG)
            .distinct()
            .get()
        )
    return pages


def indicator_row(html, label):
    start = html.index(label, html.index('class="compare-table"'))
    return html[start : html.index("</tr>", start)]


def test_three_backlogs_with_different_labels_line_up_in_one_row_with_change_and_verdict(client, es):
    pages = backlog_practices(es)
    html = client.get("/es/comparar/", {"p": [p.pk for p in pages]}).content.decode()
    row = indicator_row(html, "Solicitudes pendientes (rezago)")
    # Colombia's "Expedientes en rezago", the Dominican Republic's and Belize's "Pending applications
    # (backlog)" are one row, in the type's unit, with the change and whether it is an improvement.
    assert row.count("<strong>") == 3
    assert "23\u00a0000 → <strong>14\u00a0500</strong>" in row or "23.000 → <strong>14.500</strong>" in row
    assert "-37 %" in row and "-71,9 %" in row and "-68,4 %" in row
    assert row.count("mejor") == 3 and "solicitudes" in row
    table = html.split('class="compare-table"')[1].split("</table>")[0]
    assert "Expedientes en rezago" not in table and "Pending applications (backlog)" not in table
    assert 'href="/es/indicadores/pending-applications/">Solicitudes pendientes (rezago)' in table


def test_a_shared_type_gets_an_accessible_chart_with_its_table(client, es):
    pages = backlog_practices(es)
    html = client.get("/es/comparar/", {"p": [p.pk for p in pages]}).content.decode()
    charts = html.split('class="compare__charts"')[1]
    svg = charts.split("<svg")[1].split("</svg>")[0]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "Colombia: 23" in svg and "Belice: 3" in svg
    assert svg.count('class="indicator-chart__result') == 3
    assert '<table class="indicator-chart__table">' in charts


def test_a_type_only_one_practice_reports_gets_no_chart(client, es):
    pages = backlog_practices(es, ("CO", "BZ"))
    html = client.get("/es/comparar/", {"p": [p.pk for p in pages]}).content.decode()
    charts = html.split('class="compare__charts"')[1]
    assert charts.count("<svg") == 1  # the backlog; Belize reports no decision time, Colombia does


def test_the_approach_is_compared_whole_with_its_numbered_steps(client, es):
    dominican = backlog_practices(es, ("DO",))[0]
    steps = [b for b in dominican.approach if b.block_type == "steps"]
    assert steps and len(steps[0].value) >= 5
    html = client.get("/es/comparar/", {"p": [dominican.pk, *[p.pk for p in backlog_practices(es, ("CO",))]]})
    html = html.content.decode()
    approach = indicator_row(html, "Enfoque")
    assert all(str(step)[:40] in approach for step in steps[0].value)
    assert "<details open>" in approach and "<ol" in approach


def test_the_way_back_to_the_search_and_the_exchange_are_kept_in_every_link(client, es):
    pages = backlog_practices(es)
    back = "q=rezago&country=CO&country=DO&p=1"
    html = client.get("/es/comparar/", {"p": [p.pk for p in pages], "back": back}).content.decode()
    assert 'href="/es/buscar/?q=rezago&amp;country=CO&amp;country=DO"' in html
    remove = re.findall(r'href="\?([^"]+)">Quitar', html)
    assert len(remove) == 3 and all("back=q%3Drezago%26country%3DCO%26country%3DDO" in link for link in remove)
    assert html.count("Mover a la derecha") == 2 and html.count("Mover a la izquierda") == 2
    for page in pages:
        assert f'href="/es/intercambio/{page.pk}/"' in html


def test_a_hostile_way_back_is_only_parameters(client, es):
    pages = backlog_practices(es, ("CO", "DO"))
    html = client.get("/es/comparar/", {"p": [p.pk for p in pages], "back": '"><script>x</script>'}).content.decode()
    assert "<script>x" not in html
    assert client.get("/es/comparar/", {"p": [p.pk for p in pages], "back": "q=" + "x" * 2000}).status_code == 200


def test_the_comparison_costs_the_same_queries_for_two_or_four_practices(client, es):
    four = backlog_practices(es, ("CO", "DO", "BZ", "UY"))

    def count(pages):
        client.get("/es/comparar/", {"p": [p.pk for p in pages]})
        with CaptureQueriesContext(connection) as context:
            client.get("/es/comparar/", {"p": [p.pk for p in pages]})
        return len(context.captured_queries)

    assert count(four[:2]) == count(four)


# --- Across countries -------------------------------------------------------------------------------


def test_the_indicator_page_lists_every_practice_reporting_it_in_each_language(client):
    expected = {"CO", "DO", "BZ", "UY", "MX", "BR"}
    for path, words in (
        ("/es/indicadores/pending-applications/", "Solicitudes pendientes (rezago)"),
        ("/en/indicators/pending-applications/", "Pending applications (backlog)"),
        ("/pt/indicadores/pending-applications/", "Solicitações pendentes (passivo)"),
    ):
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>{words}</h1>" in html
        assert {m.page.country.iso2 for m in response.context["measures"]} == expected
        assert 'role="img"' in html


def test_the_indicator_table_sorts_without_javascript(client):
    response = client.get("/es/indicadores/pending-applications/", {"sort": "change"})
    changes = [m.change_percent for m in response.context["measures"]]
    assert changes == sorted(changes)
    html = response.content.decode()
    assert 'aria-sort="ascending"' in html and 'href="?sort=-change"' in html
    response = client.get("/es/indicadores/pending-applications/", {"sort": "-result"})
    results = [m.result for m in response.context["measures"]]
    assert results == sorted(results, reverse=True)


def test_bad_indicator_addresses_are_explained_or_404(client):
    response = client.get("/es/indicadores/pending-applications/", {"sort": "drop table"})
    assert response.status_code == 200 and "no es un orden conocido" in response.content.decode()
    assert client.get("/es/indicadores/no-such-type/").status_code == 404


def test_the_index_of_types_counts_their_practices(client):
    response = client.get("/es/indicadores/")
    counts = {t.slug: t.practice_count for t in response.context["types"]}
    assert counts[BACKLOG] == 6 and counts["staff-trained"] >= 10


def test_the_indicator_page_queries_do_not_grow_with_its_practices(client):
    def count(slug):
        client.get(f"/es/indicadores/{slug}/")
        with CaptureQueriesContext(connection) as context:
            client.get(f"/es/indicadores/{slug}/")
        return len(context.captured_queries)

    assert count("late-appeals") == count("staff-trained")  # 2 practices and 11


def test_practice_pages_link_their_typed_rows_to_the_indicator_page(client, es):
    page = backlog_practices(es, ("BZ",))[0]
    html = client.get(page.get_url()).content.decode()
    assert 'href="/es/indicadores/pending-applications/"' in html
    assert "2016–2020" in html  # the period, read from its dates


# --- Importer, API and exports carry the type --------------------------------------------------------


def importable(**results):
    return {
        "external_id": "test-indicator-type-1",
        "country": "AR",
        "kind": "practice",
        "language": "es",
        "title": "Plan de reducción del rezago",
        "summary": "Sesiones extraordinarias.",
        "problem": "Un rezago creciente.",
        "status": "implemented",
        "year_started": 2022,
        "results": [{"indicator": "Rezago", "baseline": 1000, "result": 400, "period": "2022-2024", **results}],
    }


def test_the_importer_reads_the_type_and_turns_plain_years_into_dates(tmp_path, db):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(importable(type=BACKLOG)) + "\n", encoding="utf-8")
    report = import_practices(path)
    assert report.ok, report.errors
    row = ResultIndicator.objects.get(page__external_id="test-indicator-type-1", page__locale__language_code="es")
    assert row.indicator_type.slug == BACKLOG
    assert (row.period_start, row.period_end, row.period) == (date(2022, 1, 1), date(2024, 12, 31), "")


def test_the_importer_refuses_an_unknown_type_by_name(tmp_path, db):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(importable(type="rezago")) + "\n", encoding="utf-8")
    with translation.override("en"):
        report = import_practices(path)
    assert not report.ok
    assert any(e.field == "results[1].type" and "rezago" in e.message for e in report.errors)


def test_the_api_and_the_exports_name_the_type_of_each_row(client, es):
    page = backlog_practices(es, ("BZ",))[0]
    data = client.get(f"/api/v2/practices/{page.pk}/").json()
    backlog = next(r for r in data["results"] if r["type"] == BACKLOG)
    assert backlog["change_percent"] == -68.4 and backlog["period_start"] == "2016-01-01"
    response = client.get("/api/export.csv", {"rows": "indicators", "country": "BZ"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    type_column = rows[0].index("Tipo de indicador")
    assert any(row[type_column] == BACKLOG for row in rows[1:])

"""Totals counted over periods of different lengths compare per year or per month (issue 14): Ecuador
registered 6,400 applications over five years, Honduras reports 420 a year; side by side, the raw
figures mislead, their rates do not. Levels (a backlog) are never divided by their period."""

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from practices.choices import FigureBasis, IndicatorMeasure
from practices.importing import import_practices
from practices.indicators import RATE_MONTH, RATE_YEAR, measure, normalise
from practices.models import PracticePage, ResultIndicator
from practices.taxonomy import IndicatorType

REGISTERED = "applications-registered"


def row(result, start, end, basis="", measures=IndicatorMeasure.TOTAL):
    kind = IndicatorType(pk=1, slug="t", unit="applications", direction="higher", measures=measures)
    return ResultIndicator(indicator_type=kind, result=Decimal(result), period_start=start, period_end=end, basis=basis)


def test_totals_of_periods_of_different_lengths_get_a_yearly_rate():
    five_years = measure(row(6400, date(2019, 1, 1), date(2023, 12, 31)))
    a_year = measure(row(420, date(2021, 1, 1), date(2024, 12, 31), basis=FigureBasis.YEAR))
    normalise([five_years, None, a_year])
    assert (five_years.rate, five_years.rate_per) == (Decimal("1280.0"), RATE_YEAR)
    assert (a_year.rate, a_year.rate_per) == (Decimal("420.0"), RATE_YEAR)


def test_a_period_shorter_than_a_year_makes_the_rates_monthly():
    six_months = measure(row(60, date(2024, 1, 1), date(2024, 6, 30)))
    two_years = measure(row(480, date(2022, 1, 1), date(2023, 12, 31)))
    normalise([six_months, two_years])
    assert (six_months.rate, six_months.rate_per) == (Decimal("10.0"), RATE_MONTH)
    assert (two_years.rate, two_years.rate_per) == (Decimal("20.0"), RATE_MONTH)


def test_alike_periods_or_unknown_dates_add_no_rate():
    first = measure(row(10, date(2022, 1, 1), date(2024, 12, 31)))
    second = measure(row(30, date(2021, 1, 1), date(2023, 12, 31)))
    unknown = measure(row(30, None, None))
    normalise([first, second, unknown])
    assert first.rate is second.rate is unknown.rate is None


@pytest.mark.usefixtures("demo")
def test_the_comparison_shows_the_yearly_rate_beside_each_raw_total(client, es):
    pages = [
        PracticePage.objects.live()
        .filter(locale=es, country__iso2=code, results__indicator_type__slug=REGISTERED)
        .distinct()
        .get()
        for code in ("EC", "HN")
    ]
    assert IndicatorType.objects.get(slug=REGISTERED).measures == IndicatorMeasure.TOTAL
    html = client.get("/es/comparar/", {"p": [p.pk for p in pages]}).content.decode()
    start = html.index("Solicitudes registradas", html.index('class="compare-table"'))
    line = " ".join(html[start : html.index("</tr>", start)].split())
    assert re.search(r"<strong>6[ .]400</strong> solicitudes <br><span class=\"rate\"> ≈ 1[ .]280 al año", line)
    assert '<strong>420</strong> solicitudes al año <br><span class="rate"> ≈ 420 al año' in line  # a yearly figure
    # Its chart draws the rates, not the raw totals.
    chart = " ".join(html[html.index('id="applications-registered-desc"') :].split("</desc>")[0].split())
    assert re.search(r"Ecuador: 1[ .]280 solicitudes al año\. Honduras: 420 solicitudes al año\.", chart), chart
    # A backlog is a level: never divided by its period.
    assert "al año" not in html.split("Solicitudes pendientes (rezago)")[-1].split("</tr>")[0]
    # The indicator's page across countries says the same.
    page = " ".join(client.get(f"/es/indicadores/{REGISTERED}/").content.decode().split())
    assert re.search("≈ 1[ .]280 al año", page) and "≈ 420 al año" in page


def test_the_importer_reads_what_the_figures_count_and_refuses_other_words(tmp_path, db):
    record = {
        "external_id": "test-figure-basis-1",
        "country": "AR",
        "kind": "practice",
        "language": "es",
        "title": "Registro en frontera",
        "summary": "Registro móvil.",
        "problem": "Solicitudes sin registrar.",
        "status": "implemented",
        "year_started": 2022,
        "results": [{"type": REGISTERED, "baseline": 30, "result": 420, "period": "2021-2024", "basis": "year"}],
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = import_practices(path)
    assert report.ok, report.errors
    saved = ResultIndicator.objects.get(page__external_id="test-figure-basis-1", page__locale__language_code="es")
    assert saved.basis == FigureBasis.YEAR
    record["results"][0]["basis"] = "weekly"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with translation.override("en"):
        report = import_practices(path)
    assert any(e.field == "results[1].basis" for e in report.errors)

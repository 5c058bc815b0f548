"""Comparable result indicators: the change from baseline to result, whether it is an improvement,
the period, the rows of several practices aligned by their shared type, and the small charts.

One place for these rules: the comparison, the indicator type pages, the practice page and the
exports read them from here.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .choices import FigureBasis, IndicatorDirection, IndicatorMeasure, IndicatorUnit
from .numbers import format_number

BETTER, WORSE, SAME = "better", "worse", "same"
YEARS = re.compile(r"^\s*((?:19|20)\d\d)\s*(?:[-–—/]|a|to|até)?\s*((?:19|20)\d\d)?\s*$")


# --- Periods -------------------------------------------------------------------------------------


def parse_period(text: str) -> tuple[date, date] | None:
    """Dates from the old free-text periods: "2022-2024" → 1 Jan 2022 – 31 Dec 2024, "2023" → that
    year. Anything else (e.g. "18 meses") is left to the text field."""
    match = YEARS.match(text or "")
    if not match:
        return None
    first, last = int(match[1]), int(match[2] or match[1])
    if last < first:
        return None
    return date(first, 1, 1), date(last, 12, 31)


def period_label(start: date | None, end: date | None) -> str:
    """Whole years as years ("2022–2024", "2023"), other dates as month/year; "" without dates."""
    if not start and not end:
        return ""
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return "–".join(f"{d.month:02d}/{d.year}" if d else "…" for d in (start, end))


def months_between(start: date | None, end: date | None) -> int | None:
    if not start or not end:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day else 0)


# --- Change and direction ------------------------------------------------------------------------


def change_percent(baseline: Decimal | None, result: Decimal) -> Decimal | None:
    """(result − baseline) / baseline, in %, one decimal; None without a baseline or from zero
    (a rise from nothing has no percentage)."""
    if baseline is None or baseline == 0:
        return None
    return ((result - baseline) * 100 / abs(baseline)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def verdict(baseline: Decimal | None, result: Decimal, direction: str | None) -> str | None:
    """better / worse / same by the type's direction; None when there is nothing to judge."""
    if baseline is None or not direction:
        return None
    if result == baseline:
        return SAME
    fell = result < baseline
    return BETTER if fell == (direction == IndicatorDirection.LOWER) else WORSE


def verdict_label(value: str | None) -> str:
    return {BETTER: _("better"), WORSE: _("worse"), SAME: _("no change")}.get(value, "")


def unit_label(unit: str) -> str:
    return IndicatorUnit(unit).label if unit in IndicatorUnit.values else unit


@dataclass
class Measure:
    """One indicator row of one practice, as every comparison shows it."""

    row: object  # ResultIndicator
    baseline: Decimal | None
    result: Decimal
    change: Decimal | None
    change_percent: Decimal | None
    verdict: str | None
    unit: str  # the type's unit in the visitor's language, else the row's own unit
    period: str
    # Set by `normalise` when the figure is a total and the compared periods differ: the result per
    # year or per month (RATE_YEAR / RATE_MONTH), the honest number to compare.
    rate: Decimal | None = None
    rate_per: str = ""

    @property
    def verdict_label(self) -> str:
        return verdict_label(self.verdict)

    @property
    def label(self) -> str:
        return self.row.label


def measure(row) -> Measure:
    kind = row.indicator_type if row.indicator_type_id else None
    direction = kind.direction if kind else None
    return Measure(
        row=row,
        baseline=row.baseline,
        result=row.result,
        change=row.change,
        change_percent=change_percent(row.baseline, row.result),
        verdict=verdict(row.baseline, row.result, direction),
        unit=unit_label(kind.unit) if kind else row.unit,
        period=row.period_label,
    )


# --- Totals of different periods -----------------------------------------------------------------

RATE_YEAR, RATE_MONTH = "year", "month"


def months_counted(measure: Measure) -> int | None:
    """How many months a row's result counts: one year or one month when the institution gave a rate,
    else the length of its period (None when its dates are not known)."""
    basis = getattr(measure.row, "basis", "")
    if basis == FigureBasis.YEAR:
        return 12
    if basis == FigureBasis.MONTH:
        return 1
    return months_between(measure.row.period_start, measure.row.period_end)


def normalise(cells: list) -> None:
    """The results of one type that is a total (applications registered, people trained), counted over
    periods of different lengths (5 years here, "420 a year" there), also as a rate: per year when
    every period is a year or longer, else per month. Nothing when the periods are all alike."""
    months = {id(cell): months_counted(cell) for cell in cells if cell is not None}
    known = [m for m in months.values() if m]
    if len(known) < 2 or len(set(known)) == 1:
        return
    per = RATE_YEAR if min(known) >= 12 else RATE_MONTH
    for cell in cells:
        if cell is not None and months[id(cell)]:
            rate = cell.result / months[id(cell)] * (12 if per == RATE_YEAR else 1)
            cell.rate = rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            cell.rate_per = per


# --- Alignment across practices ------------------------------------------------------------------


@dataclass
class AlignedIndicator:
    """One line of the comparison: a shared type (or one free label) and a cell per practice."""

    key: str
    label: str
    indicator_type: object | None  # IndicatorType
    cells: list  # Measure or None, one per practice
    chart: dict | None = None

    @property
    def shared(self) -> bool:
        return sum(cell is not None for cell in self.cells) >= 2


def align(pages: list, rows_of, names: list[str]) -> list[AlignedIndicator]:
    """The rows of `pages` lined up: by type when a row has one, else by its label (case-insensitive).
    `rows_of(page)` gives a page's rows (prefetched, with their types); `names` label each page in
    the charts (its country, say). Typed lines come first, in
    the secretariat's order of types; shared lines before those only one practice reports."""
    lines: dict[str, AlignedIndicator] = {}
    for position, page in enumerate(pages):
        for row in rows_of(page):
            kind = row.indicator_type if row.indicator_type_id else None
            key = f"type:{kind.pk}" if kind else f"label:{row.indicator.casefold()}"
            if key not in lines:
                label = kind.localized_name() if kind else row.indicator
                lines[key] = AlignedIndicator(key, label, kind, [None] * len(pages))
            if lines[key].cells[position] is None:  # a practice's first row of a type speaks for it
                lines[key].cells[position] = measure(row)
    ordered = sorted(
        lines.values(),
        key=lambda line: (
            line.indicator_type is None,
            not line.shared,
            line.indicator_type.sort_order if line.indicator_type else 0,
        ),
    )
    for line in ordered:
        if line.indicator_type is not None and line.indicator_type.measures == IndicatorMeasure.TOTAL:
            normalise(line.cells)
        if line.indicator_type is not None and line.shared:
            line.chart = chart_of(line.label, line.indicator_type, list(zip(names, line.cells, strict=True)))
    return ordered


def chart_of(title: str, kind, named: list[tuple[str, "Measure | None"]]) -> dict:
    """The chart of one type: its figures, or, when they were put per year or per month (`normalise`),
    those rates alone (a baseline's period is not known, so it is left out rather than guessed)."""
    unit = unit_label(kind.unit)
    named = [(name, cell) for name, cell in named if cell is not None]
    rated = [(name, cell) for name, cell in named if cell.rate is not None]
    if not rated:
        return chart(title=title, unit=unit, bars=named)
    per = _("a year") if rated[0][1].rate_per == RATE_YEAR else _("a month")
    bars = [
        (name, replace(cell, baseline=None, result=cell.rate, change_percent=None, verdict=None))
        for name, cell in rated
    ]
    return chart(title=title, unit=f"{unit} {per}", bars=bars)


# --- Charts --------------------------------------------------------------------------------------

CHART_WIDTH = 320
LABEL_HEIGHT = 16
BAR_HEIGHT = 12
GROUP_GAP = 10


@dataclass
class Bar:
    y: float
    width: float
    value: Decimal | None
    text: str


@dataclass
class ChartGroup:
    name: str
    y: float
    baseline: Bar | None
    result: Bar
    change_percent: Decimal | None
    verdict: str | None
    extra: dict = field(default_factory=dict)

    @property
    def verdict_label(self) -> str:
        return verdict_label(self.verdict)


def chart(*, title: str, unit: str, bars: list[tuple[str, Measure]]) -> dict:
    """The geometry of a small horizontal bar chart, baseline and result for each named measure,
    on one scale from zero. Drawn by `practices/includes/indicator_chart.html` (server-side SVG)."""
    largest = max([abs(m.result) for _name, m in bars] + [abs(m.baseline) for _name, m in bars if m.baseline]) or 1
    room = CHART_WIDTH - 90  # the numbers are written after the bars

    def bar(y, value):
        width = float(abs(value) / largest * room) if value is not None else 0
        return Bar(y=y, width=max(width, 1.0), value=value, text=format_number(value))

    groups, y = [], 0
    for name, m in bars:
        top = y + LABEL_HEIGHT
        groups.append(
            ChartGroup(
                name=name,
                y=y,
                baseline=bar(top, m.baseline) if m.baseline is not None else None,
                result=bar(top + BAR_HEIGHT + 2, m.result),
                change_percent=m.change_percent,
                verdict=m.verdict,
            )
        )
        y = top + 2 * BAR_HEIGHT + 2 + GROUP_GAP
    return {"title": title, "unit": unit, "groups": groups, "width": CHART_WIDTH, "height": y, "room": room}

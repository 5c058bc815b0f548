"""A figure of the dashboard: a titled table whose first numeric column is also drawn as bars.

The same object renders as an accessible HTML table (stats/includes/bar_table.html) and as CSV.
"""

import csv
import io
from dataclasses import dataclass, field

from core.spreadsheet import defuse


@dataclass
class Row:
    label: str
    values: list
    href: str = ""
    lang: str = ""
    short: str = ""  # a shorter label for the axis of a chart

    @property
    def bar_value(self) -> int:
        return self.values[0] if self.values else 0


@dataclass
class Table:
    key: str
    title: str
    headings: list  # the label column's heading, then one per value
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    empty: str = ""

    @property
    def maximum(self) -> int:
        return max((row.bar_value for row in self.rows), default=0)

    @property
    def total(self) -> int:
        return sum(row.bar_value for row in self.rows)

    def bars(self):
        """(row, percent of the largest value) pairs for the template."""
        maximum = self.maximum
        return [(row, round(row.bar_value * 100 / maximum) if maximum else 0) for row in self.rows]

    def columns(self, *, width: int = 720, height: int = 200, axis: int = 24, every: int = 3):
        """The geometry of a column chart in an SVG of width × height, labelling every nth column."""
        step = width / max(len(self.rows), 1)
        plot = height - axis
        maximum = self.maximum
        columns = []
        for i, row in enumerate(self.rows):
            h = round(row.bar_value * (plot - 14) / maximum) if maximum else 0
            columns.append(
                {
                    "x": round(i * step + step * 0.15, 1),
                    "width": round(step * 0.7, 1),
                    "y": plot - h,
                    "height": h,
                    "centre": round(i * step + step / 2, 1),
                    "row": row,
                    "labelled": (len(self.rows) - 1 - i) % every == 0,
                }
            )
        # A margin on both sides, so that the first and last labels are not cut.
        margin = round(step * 1.5)
        view_box = f"{-margin} 0 {width + 2 * margin} {height}"
        return {"columns": columns, "width": width, "height": height, "baseline": plot, "view_box": view_box}

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([_cell(h) for h in self.headings])
        for row in self.rows:
            writer.writerow([_cell(row.label), *(_cell(v) for v in row.values)])
        return out.getvalue()


def _cell(value):
    """Search terms are typed by visitors: one starting like a formula must not run in a spreadsheet."""
    return value if isinstance(value, int) else defuse(str(value))

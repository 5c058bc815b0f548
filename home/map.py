"""The map of the 17 member states: inline SVG links shaded by their number of published practices.

Drawn on the server from country outlines shipped with the project (home/data/americas.json,
Natural Earth 1:110m, public domain): no tiles, no script. Each country is a link into the search
filtered by it; the same counts are in the links' names and in a list beside the map, so colour is
never the only cue and small states (Belize, El Salvador…) have a target of ordinary size.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from math import ceil
from pathlib import Path

from django.db.models import Count, F
from django.utils.translation import ngettext

from search.facets import FACETS_BY_KEY

DATA_FILE = Path(__file__).resolve().parent / "data" / "americas.json"
SHADES = 4  # besides shade 0, "no published practice"


@cache
def shapes() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    count: int
    url: str
    path: str
    marker: tuple[float, float] | None
    shade: int
    selected: bool

    @property
    def label(self) -> str:
        practices = ngettext("%(count)s practice", "%(count)s practices", self.count) % {"count": self.count}
        return f"{self.name}: {practices}"


@dataclass(frozen=True)
class LegendStep:
    shade: int
    label: str


@dataclass(frozen=True)
class CountryMap:
    view_box: str
    context: list[str]
    countries: list[MapCountry]  # in the order of their names, as the list beside the map shows them
    legend: list[LegendStep]


def shade_for(count: int, most: int) -> int:
    if count <= 0 or most <= 0:
        return 0
    return min(SHADES, ceil(count * SHADES / most))


def legend_for(most: int) -> list[LegendStep]:
    """Which counts each shade stands for, as text ("1–3", "4–6"…)."""
    ranges: dict[int, list[int]] = {}
    for count in range(1, most + 1):
        ranges.setdefault(shade_for(count, most), []).append(count)
    steps = [LegendStep(0, "0")]
    for shade, values in sorted(ranges.items()):
        low, high = values[0], values[-1]
        steps.append(LegendStep(shade, str(low) if low == high else f"{low}–{high}"))
    return steps


def build_map(
    *, counts: dict[str, int], names: dict[str, str], link: Callable[[str], str], selected: Iterable[str] = ()
) -> CountryMap:
    """counts and names by ISO code; link(code) gives the URL a country leads to."""
    data = shapes()
    selected = set(selected)
    most = max((counts.get(code, 0) for code in data["countries"]), default=0)
    countries = [
        MapCountry(
            code=code,
            name=names.get(code, code),
            count=counts.get(code, 0),
            url=link(code),
            path=path,
            marker=tuple(data["markers"][code]) if code in data["markers"] else None,
            shade=shade_for(counts.get(code, 0), most),
            selected=code in selected,
        )
        for code, path in data["countries"].items()
    ]
    countries.sort(key=lambda country: country.name.casefold())
    return CountryMap(view_box=data["view_box"], context=data["context"], countries=countries, legend=legend_for(most))


def practice_counts_by_country(practices) -> dict[str, int]:
    """Published practices per country, as the search's country filter counts them (the institution's
    country or a partner country): one query."""
    parts = [
        practices.order_by()
        .filter(**{f"{path}__isnull": False})
        .values(code=F(f"{path}__iso2"))
        .annotate(n=Count("pk", distinct=True))
        for path in ("country", "partners")
    ]
    counts: dict[str, int] = {}
    for row in parts[0].union(parts[1], all=True):
        counts[row["code"]] = counts.get(row["code"], 0) + row["n"]
    return counts


def country_names(locale) -> dict[str, str]:
    """Names in the active language, from the search's cached country options (no query once warm)."""
    return {option.code: option.label for option in FACETS_BY_KEY["country"].options(locale)}

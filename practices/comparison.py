"""The comparison: one column per practice; the texts in full; result indicators aligned by their
shared type (practices/indicators.py), with the change and a chart for each type two or more share."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.http import QueryDict
from django.utils.translation import gettext as _

from .indicators import AlignedIndicator, align
from .models import PracticePage, ResultIndicator


@dataclass
class Row:
    label: str
    cells: list  # one per practice: text, list of texts, rich text, a StreamValue, or None
    kind: str = "text"  # text | list | richtext | stream
    long: bool = False  # folded on a phone (details/summary)


@dataclass
class Comparison:
    pages: list
    rows: list[Row] = field(default_factory=list)
    indicators: list[AlignedIndicator] = field(default_factory=list)
    closing_rows: list[Row] = field(default_factory=list)

    @property
    def charts(self) -> list[AlignedIndicator]:
        return [line for line in self.indicators if line.chart]


def load_for_comparison(practices: list[PracticePage]) -> list[PracticePage]:
    """The pages again with everything the table shows, in a constant number of queries."""
    loaded = {
        p.pk: p
        for p in PracticePage.objects.filter(pk__in=[p.pk for p in practices])
        .select_related("country", "institution", "locale")
        .prefetch_related(
            "stages",
            "tagged_topics__tag",
            Prefetch(
                "results", queryset=ResultIndicator.objects.select_related("indicator_type").order_by("sort_order")
            ),
        )
    }
    return [loaded[p.pk] for p in practices]


def build_comparison(practices: list[PracticePage]) -> Comparison:
    pages = load_for_comparison(practices)
    comparison = Comparison(pages=pages)
    comparison.rows = [
        Row(_("Institution and country"), [f"{p.institution.title} · {p.country}" for p in pages]),
        Row(_("Kind"), [p.get_kind_display() for p in pages]),
        Row(_("Status"), [p.get_status_display() for p in pages]),
        Row(_("Years"), [f"{p.year_started}–{p.year_ended or _('ongoing')}" for p in pages]),
        Row(_("Procedure stages"), [[str(s) for s in p.stages.all()] for p in pages], "list"),
        Row(_("Topics"), [[t.tag.localized_name() for t in p.tagged_topics.all()] for p in pages], "list"),
        Row(_("Problem addressed"), [p.problem for p in pages], "richtext", long=True),
        # Every block, numbered steps included: the approach is what a peer wants to copy.
        Row(_("Approach"), [p.approach for p in pages], "stream", long=True),
    ]
    comparison.indicators = align(pages, lambda page: page.results.all(), names=[str(p.country) for p in pages])
    comparison.closing_rows = [
        Row(_("Lessons learned"), [[b.value for b in p.lessons] for p in pages], "list", long=True),
        Row(_("Staff"), [p.resources_staff for p in pages]),
        Row(_("Budget"), [p.get_resources_budget_display() for p in pages]),
        Row(_("Time"), [p.resources_time for p in pages]),
        Row(_("Supporting organisations"), [p.support_organizations for p in pages]),
        Row(_("Contact"), [p.contact_name for p in pages]),
    ]
    return comparison


# --- Addresses of the comparison -----------------------------------------------------------------

BACK_LIMIT = 1000


def search_back(raw: str) -> str:
    """The search the visitor came from, as a query string for the search page (`?back=` of the
    compare URL): re-encoded from parsed pairs, so nothing but parameters gets through, without the
    compare ids; "" if absent or too long."""
    if not raw or len(raw) > BACK_LIMIT:
        return ""
    parsed = QueryDict(raw.lstrip("?"), mutable=True)
    parsed.pop("p", None)
    return parsed.urlencode()


def compare_query(ids: list[int], back: str = "") -> str:
    """The query string of a comparison of `ids` that keeps the way back to the search."""
    query = QueryDict(mutable=True)
    query.setlist("p", [str(pk) for pk in ids])
    if back:
        query["back"] = back
    return query.urlencode()


def column_links(ids: list[int], back: str) -> list[dict]:
    """For each compared practice: the comparison without it, with it swapped with its neighbours, and
    the ids before and after it (the "Replace with" form puts its choice between them)."""
    links = []
    for position, pk in enumerate(ids):
        entry = {
            "remove": compare_query([i for i in ids if i != pk], back),
            "left": "",
            "right": "",
            "before": ids[:position],
            "after": ids[position + 1 :],
        }
        for side, other in (("left", position - 1), ("right", position + 1)):
            if 0 <= other < len(ids):
                swapped = list(ids)
                swapped[position], swapped[other] = swapped[other], swapped[position]
                entry[side] = compare_query(swapped, back)
        links.append(entry)
    return links


REPLACEMENTS = 15


def replacement_candidates(pages: list[PracticePage], published) -> list[PracticePage]:
    """What a column can be replaced with, without going back to the search: other published practices
    that report one of the compared indicator types or share a topic, those sharing a type first. One
    query; the types and topics come from the pages loaded for the table."""
    type_ids = {row.indicator_type_id for page in pages for row in page.results.all() if row.indicator_type_id}
    topic_ids = {tagged.tag_id for page in pages for tagged in page.tagged_topics.all()}
    if not type_ids and not topic_ids:
        return []
    shared = published.exclude(pk__in=[page.pk for page in pages]).filter(
        Q(results__indicator_type__in=type_ids) | Q(tagged_topics__tag__in=topic_ids)
    )
    rows = (
        published.filter(pk__in=shared.values("pk"))
        .select_related("country")
        .annotate(shares_type=Count("results", filter=Q(results__indicator_type__in=type_ids)))
        .order_by("-shares_type", "country__iso2", "title")[:REPLACEMENTS]
    )
    return list(rows)

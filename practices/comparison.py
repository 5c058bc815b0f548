"""The comparison table: one row per field, one column per practice; result indicators aligned by name."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from .models import PracticePage, ResultIndicator


@dataclass
class Row:
    label: str
    cells: list  # one per practice: text, list of texts, or None
    kind: str = "text"  # text | list | results | numbers


def _approach_summary(page) -> str:
    from django.utils.html import strip_tags

    for block in page.approach:
        if block.block_type == "text":
            return strip_tags(str(block.value.source if hasattr(block.value, "source") else block.value))[:600]
    return ""


def build_comparison(practices: list[PracticePage]) -> list[Row]:
    pks = [p.pk for p in practices]
    loaded = {
        p.pk: p
        for p in PracticePage.objects.filter(pk__in=pks)
        .select_related("country", "institution", "locale")
        .prefetch_related(
            "stages", "tagged_topics__tag", Prefetch("results", queryset=ResultIndicator.objects.order_by("sort_order"))
        )
    }
    pages = [loaded[p.pk] for p in practices]
    indicators = []
    for page in pages:
        for result in page.results.all():
            if result.indicator.casefold() not in [i.casefold() for i in indicators]:
                indicators.append(result.indicator)
    rows = [
        Row(_("Institution and country"), [f"{p.institution.title} · {p.country}" for p in pages]),
        Row(_("Kind"), [p.get_kind_display() for p in pages]),
        Row(_("Status"), [p.get_status_display() for p in pages]),
        Row(_("Years"), [f"{p.year_started}–{p.year_ended or _('ongoing')}" for p in pages]),
        Row(_("Procedure stages"), [[str(s) for s in p.stages.all()] for p in pages], "list"),
        Row(_("Topics"), [[t.tag.localized_name() for t in p.tagged_topics.all()] for p in pages], "list"),
        Row(_("Problem addressed"), [p.problem for p in pages], "richtext"),
        Row(_("Approach"), [_approach_summary(p) for p in pages]),
    ]
    for indicator in indicators:
        cells = []
        for page in pages:
            match = next((r for r in page.results.all() if r.indicator.casefold() == indicator.casefold()), None)
            cells.append(match)
        rows.append(Row(indicator, cells, "result"))
    rows += [
        Row(_("Staff"), [p.resources_staff for p in pages]),
        Row(_("Budget"), [p.get_resources_budget_display() for p in pages]),
        Row(_("Time"), [p.resources_time for p in pages]),
        Row(_("Supporting organisations"), [p.support_organizations for p in pages]),
        Row(_("Lessons learned"), [[b.value for b in p.lessons] for p in pages], "list"),
        Row(_("Contact"), [p.contact_name for p in pages]),
    ]
    return rows

"""Public views of practices (side-by-side comparison) and the editor's number hint."""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core import params
from core.http import read_only

from .choices import IndicatorMeasure
from .comparison import build_comparison, column_links, compare_query, replacement_candidates, search_back
from .indicators import chart_of, measure, normalise, unit_label
from .models import PracticePage, ResultIndicator
from .numbers import format_number, parse_number
from .queries import published_practices
from .taxonomy import IndicatorType

MIN_COMPARED, MAX_COMPARED = 2, 4


@read_only
def compare(request):
    messages = []
    wanted = []
    for raw in request.GET.getlist("p")[:20]:
        for part in (part for part in raw.split(",") if part.strip()):
            try:
                pk = params.identifier(part, name="p")
            except params.BadParameter as error:
                messages.append(params.ignored(error))
                continue
            if pk not in wanted:
                wanted.append(pk)
    if len(wanted) > MAX_COMPARED:
        messages.append(
            _("At most %(max)s practices can be compared; the first %(max)s are shown.") % {"max": MAX_COMPARED}
        )
        wanted = wanted[:MAX_COMPARED]
    locale = Locale.get_active()
    # Ids from any language tree (a link shared across languages) show this language's version.
    keys = dict(PracticePage.objects.filter(pk__in=wanted).values_list("pk", "translation_key"))
    found = {
        page.translation_key: page
        for page in published_practices(locale=locale).filter(translation_key__in=keys.values()).for_listing()
    }
    practices = [found[keys[pk]] for pk in wanted if pk in keys and keys[pk] in found]
    if len(practices) < len(wanted):
        messages.append(_("Some of the practices asked for do not exist or are not published; they were left out."))
    if len(practices) < MIN_COMPARED:
        messages.append(_("Choose at least two practices to compare, from the search results."))
    ids = [p.pk for p in practices]
    back = search_back(request.GET.get("back", ""))
    comparison = build_comparison(practices) if practices else None
    candidates = replacement_candidates(comparison.pages, published_practices(locale=locale)) if comparison else []
    context = {
        "practices": comparison.pages if comparison else [],
        "comparison": comparison,
        "columns": list(zip(comparison.pages, column_links(ids, back), strict=True)) if comparison else [],
        "messages": messages,
        "ids": ids,
        "back": back,
        "share_query": compare_query(ids, back),
        "candidates": candidates,
        "compared_titles": "; ".join(page.title for page in practices),
    }
    return render(request, "practices/compare.html", context, status=200)


SORTS = {
    "country": lambda m: m.page.country.localized_name().casefold(),
    "baseline": lambda m: (m.baseline is None, m.baseline or 0),
    "result": lambda m: m.result,
    "change": lambda m: (m.change_percent is None, m.change_percent or 0),
}


SORT_LABELS = {
    "country": lambda: _("Country"),
    "baseline": lambda: _("Baseline"),
    "result": lambda: _("Result"),
    "change": lambda: _("Change"),
}


@read_only
def indicator_index(request):
    """The shared indicator types, each with the number of published practices that report it."""
    locale = Locale.get_active()
    live = published_practices(locale=locale)
    types = IndicatorType.objects.annotate(
        practice_count=Count("results__page", filter=Q(results__page__in=live), distinct=True)
    )
    return render(request, "practices/indicator_index.html", {"types": types})


@read_only
def indicator_type(request, slug: str):
    """Every published practice that reports one indicator type, across countries: a table that
    sorts without JavaScript (?sort=) and a chart of baseline and result per country."""
    kind = get_object_or_404(IndicatorType, slug=slug)
    locale = Locale.get_active()
    rows = (
        ResultIndicator.objects.filter(indicator_type=kind, page__in=published_practices(locale=locale))
        .select_related("indicator_type", "page__country", "page__institution", "page__locale")
        .order_by("page__country__name_es", "page_id", "sort_order")
    )
    measures, seen = [], set()
    for row in rows:
        if row.page_id in seen:  # a practice's first row of a type speaks for it (as in a comparison)
            continue
        seen.add(row.page_id)
        item = measure(row)
        item.page = row.page
        measures.append(item)
    if kind.measures == IndicatorMeasure.TOTAL:
        normalise(measures)  # totals of periods of different lengths, also per year or month
    messages = []
    sort = request.GET.get("sort", "country")[:20]
    key = sort.lstrip("-")
    if key not in SORTS:
        messages.append(params.ignored(params.BadParameter(_("“%(value)s” is not a known order.") % {"value": sort})))
        sort, key = "country", "country"
    measures.sort(key=SORTS[key], reverse=sort.startswith("-"))
    names = [str(item.page.country) for item in measures]
    # Two practices of one country are told apart in the chart: "Colombia (1)", "Colombia (2)".
    labels = [
        name if names.count(name) == 1 else f"{name} ({names[: i + 1].count(name)})" for i, name in enumerate(names)
    ]
    bars = list(zip(labels, measures, strict=True))
    context = {
        "indicator_type": kind,
        "unit": unit_label(kind.unit),
        "measures": measures,
        "chart": chart_of(kind.localized_name(), kind, bars) if bars else None,
        "sort": sort,
        "sort_columns": [
            {
                "key": name,
                "label": label,
                "link": f"-{name}" if sort == name else name,
                "state": "ascending" if sort == name else "descending" if sort == f"-{name}" else "",
            }
            for name, label in ((name, SORT_LABELS[name]()) for name in SORTS)
        ],
        "messages": messages,
    }
    return render(request, "practices/indicator_type.html", context)


@read_only
def number_understood(request):
    """What the admin understood of a typed number, for the hint beside indicator fields.

    The browser asks rather than re-implementing the rule in JavaScript: one rule, one place.
    """
    try:
        value = parse_number(request.GET.get("value", "")[:60])
    except ValidationError as error:
        return JsonResponse({"error": error.messages[0]}, status=400)
    return JsonResponse({"value": str(value), "display": format_number(value)})

"""Public views of practices (side-by-side comparison) and the editor's number hint."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core import params
from core.http import read_only

from .comparison import build_comparison
from .models import PracticePage
from .numbers import format_number, parse_number
from .queries import published_practices

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
    context = {
        "practices": practices,
        "rows": build_comparison(practices) if practices else [],
        "messages": messages,
        "ids": [p.pk for p in practices],
    }
    return render(request, "practices/compare.html", context, status=200)


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

"""The search page and the JSON endpoint: parameters -> search_practices -> template or JSON."""

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from core import pagecache
from core.http import read_only

from .facets import FACETS
from .forms import parse_search_parameters
from .queries import search_practices, suggest

API_LANGUAGES = {"es", "en", "pt"}


@read_only
def search(request):
    parameters = parse_search_parameters(request.GET, locale=_active_locale())
    page = search_practices(parameters)
    # Counted again when the same page is served from the cache (core/pagecache.py).
    pagecache.replay_on_hit(
        request,
        "search.log.record_cached_search",
        query=parameters.request.query,
        language=parameters.request.locale.language_code,
        count=page.count,
    )
    context = {
        "query": parameters.request.query,
        "shown_query": page.corrected_to or parameters.request.query,
        "parameters": parameters,
        "search_form": parameters.form,
        "search": page,
        "facet_groups": [(facet, page.facets[facet.key]) for facet in FACETS],
        "noindex": parameters.active_filter_count >= 2,
        "page_links": _page_links(parameters, page),
        "filter_chips": _filter_chips(parameters, page),
    }
    return render(request, "search/search.html", context)


def _active_locale() -> Locale:
    """The language tree to search, without a query per request: locales are fixed at set-up."""
    language = translation.get_language()
    return cache.get_or_set(f"search:locale:{language}", Locale.get_active, 3600)


def _filter_chips(parameters, page) -> list[tuple[str, str]]:
    """Each active filter as (label, the same search without it): the removable chips above the results."""

    def without(key: str, code: str = "") -> str:
        return "?" + parameters.link_query(without=(key, code))

    chips = [
        (value.label, without(facet.key, value.code))
        for facet in FACETS
        for value in page.facets[facet.key]
        if value.selected
    ]
    years = parameters.request
    if years.year_from is not None:
        chips.append((f"{gettext('From')} {years.year_from}", without("year_from")))
    if years.year_to is not None:
        chips.append((f"{gettext('To')} {years.year_to}", without("year_to")))
    return chips


def _page_links(parameters, page) -> dict:
    def link(number):
        return f"?{parameters.link_query(page=number)}"

    return {
        "previous": link(page.page - 1) if page.page > 1 else None,
        "next": link(page.page + 1) if page.page < page.page_count else None,
    }


def _api_language(request) -> str:
    """The `lang` parameter: which language tree answers (Spanish when absent or unknown)."""
    language = request.GET.get("lang", "es")
    return language if language in API_LANGUAGES else "es"


@read_only
def api_search(request):
    language = _api_language(request)
    with translation.override(language):
        locale = Locale.objects.get(language_code=language)
        parameters = parse_search_parameters(request.GET, locale=locale, allow_page_size=True)
        page = search_practices(parameters)
        body = {
            "count": page.count,
            "page": page.page,
            "page_size": parameters.page_size,
            "results": [_result(practice, request) for practice in page.results],
            "facets": {key: {value.code: value.count for value in values} for key, values in page.facets.items()},
            "messages": page.messages,
            "degraded": page.degraded,
            "corrected_to": page.corrected_to,
        }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _result(practice, request) -> dict:
    return {
        "id": practice.pk,
        "external_id": practice.external_id or None,
        "title": practice.title,
        "url": practice.get_full_url(request),
        "country": practice.country.iso2 if practice.country else None,
        "institution": practice.institution.slug if practice.institution else None,
        "institution_name": practice.institution.title if practice.institution else None,
        "kind": practice.kind,
        "topics": [tagged.tag.slug for tagged in practice.tagged_topics.all()],
        "year_started": practice.year_started,
        "status": practice.status,
        "summary": practice.summary,
        "language": practice.content_language,
    }


@read_only
def api_autocomplete(request):
    language = _api_language(request)
    with translation.override(language):
        locale = Locale.objects.get(language_code=language)
        search_url = reverse("search")
        labels = {
            "country": gettext("Country"),
            "institution": gettext("Institution"),
            "topic": gettext("Topic"),
            "search": gettext("Search term"),
            "practice": gettext("Practice"),
        }
        body = {
            "results": [
                {
                    "group": suggestion.group,
                    "group_label": labels[suggestion.group],
                    "title": suggestion.label,
                    "url": suggestion.url,
                    "country": suggestion.detail,
                    "language": suggestion.language or language,
                }
                for suggestion in suggest(query=request.GET.get("q", ""), locale=locale, search_url=search_url)
            ]
        }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})

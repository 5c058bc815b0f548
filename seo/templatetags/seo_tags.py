"""<head> links and metadata on every public page: canonical URL, hreflang alternates, Open Graph,
Twitter card, and the practice's JSON-LD."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from seo.alternates import LANGUAGE_ORDER, version_of
from seo.structured_data import json_ld_script, practice_data

register = template.Library()

# Open Graph wants language_TERRITORY; these are the variants the region reads.
OG_LOCALES = {"es": "es_LA", "en": "en_US", "pt": "pt_BR"}
DESCRIPTION_LENGTH = 200


def site_root(request) -> str:
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def cached_version(page, request):
    """The head and the JSON-LD both need the page's versions: fetched once per request."""
    cache = request.__dict__.setdefault("_seo_versions", {})
    if page.pk not in cache:
        cache[page.pk] = version_of(page, request=request)
    return cache[page.pk]


def default_description() -> str:
    return _(
        "A space for the national refugee commissions (CONAREs) and equivalent bodies of the 17 member "
        "states to share good practices and lessons learned."
    )


def page_description(page) -> str:
    text = page.search_description or getattr(page, "summary", "") or strip_tags(getattr(page, "intro", "") or "")
    return Truncator(" ".join((text or default_description()).split())).chars(DESCRIPTION_LENGTH)


def search_query_string(context) -> str:
    """A search URL is worth indexing only as a topic landing page: one filter value, nothing else."""
    parameters = context.get("parameters")
    if parameters is None:
        return ""
    request = parameters.request
    codes = {key: values for key, values in parameters.codes.items() if values}
    if request.query or request.year_from is not None or request.year_to is not None:
        return ""
    if len(codes) == 1 and len(next(iter(codes.values()))) == 1:
        return "?" + parameters.to_query()
    return ""


@register.inclusion_tag("seo/head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    page = context.get("page")
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    head = {"site_name": _("Asylum good practices of the Americas"), "og_type": "website"}
    if isinstance(page, Page) and request is not None:
        version = cached_version(page, request)
        url = page.get_full_url(request)
        head.update(
            canonical_url=version.canonical_url if version else url,
            alternates=version.alternates if version else [],
            og_url=version.canonical_url if version else url,
            content_language=version.language if version else language,
            title=page.seo_title or page.title,
            description=page_description(page),
            og_type="article" if getattr(page, "summary", None) else "website",
        )
        head["og_alternate_locales"] = [
            OG_LOCALES[code]
            for code, _url in head["alternates"]
            if code in OG_LOCALES and code != head["content_language"]
        ]
    elif request is not None and getattr(request.resolver_match, "url_name", None) == "search":
        root, query = site_root(request), search_query_string(context)
        alternates = [(code, root + translate_url(request.path, code) + query) for code in LANGUAGE_ORDER]
        alternates.append(("x-default", alternates[0][1]))
        head.update(
            canonical_url=root + request.path + query,
            alternates=alternates,
            og_url=root + request.path + query,
            content_language=language,
            title=_("Search practices"),
            description=default_description(),
            og_alternate_locales=[OG_LOCALES[code] for code in LANGUAGE_ORDER if code != language],
        )
    else:
        return {"head": None}
    head["og_locale"] = OG_LOCALES.get(head["content_language"], head["content_language"])
    return {"head": head}


@register.simple_tag(takes_context=True)
def practice_json_ld(context):
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return ""
    version = cached_version(page, request)
    institution_url = page.institution.get_full_url(request) if page.institution_id else None
    data = practice_data(
        page,
        url=version.canonical_url if version else page.get_full_url(request),
        dated=version.canonical_page if version else page,
        institution_url=institution_url,
        site_name=_("Asylum good practices of the Americas"),
        site_url=site_root(request) + "/",
        context=context,
    )
    return json_ld_script(data)

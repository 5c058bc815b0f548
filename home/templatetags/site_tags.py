"""Template tags shared by every public page: language switcher, breadcrumbs, e-mail protection."""

import base64

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language that keeps the visitor on the same page's translation."""
    request = context.get("request")
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    # A page's sub-route (a topic page of the topics index) gives its own URL in each language.
    by_language = dict(context.get("language_urls") or {})
    if isinstance(page, Page) and not by_language:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            by_language[translation.locale.language_code[:2]] = translation.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = by_language.get(code)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
            if url == request.get_full_path() and code != current:
                url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return [p for p in page.get_ancestors().filter(depth__gt=1).specific(defer=True) if p.live]


@register.filter
def obfuscated(value: str) -> str:
    """The address reversed and base64-encoded: harvesters read no address; our script decodes it on request."""
    return base64.b64encode((value or "")[::-1].encode()).decode()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The site's sections for the header and the footer (home/navigation.py)."""
    from home.navigation import primary_navigation

    return primary_navigation((get_language() or settings.LANGUAGE_CODE)[:2], context.get("request"))

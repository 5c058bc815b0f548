"""The primary navigation (header and footer): the site's sections in the visitor's language.

The sections are pages the site tree always has (`setup_site`); their addresses are looked up once
per language (one query) and kept in the shared cache until a page is published, unpublished or
moved, so a page view costs no query for them.
"""

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

CACHE_KEY = "navigation:{language}"
CACHE_SECONDS = 3600

# (key, label, page model) in the order a visitor reads them; "search" and "about" are views.
SECTIONS = [
    ("search", _("Practices"), None),
    ("institutions", _("Institutions"), "practices.PracticeIndexPage"),
    ("topics", _("Topics"), "curation.TopicIndexPage"),
    ("meetings", _("Meetings"), "meetings.MeetingIndexPage"),
    ("roadmap", _("Roadmap"), "curation.RoadmapPage"),
    ("selections", _("Selections"), "curation.FeaturedSelectionIndexPage"),
    ("about", _("About the platform"), None),
]


def _section_urls(language: str, request) -> dict[str, str]:
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    models = {key: apps.get_model(label) for key, _label, label in SECTIONS if label}
    types = {ContentType.objects.get_for_model(model).pk: key for key, model in models.items()}
    pages = Page.objects.live().filter(locale__language_code=language, content_type_id__in=types).order_by("path")
    urls = {}
    for page in pages:
        urls.setdefault(types[page.content_type_id], page.get_url(request))
    return urls


def primary_navigation(language: str, request) -> list[dict]:
    """[{key, label, url, current}] for the sections that exist in this language."""
    key = CACHE_KEY.format(language=language)
    urls = cache.get(key)
    if urls is None:
        urls = _section_urls(language, request)
        urls["search"] = reverse("search")
        urls["about"] = reverse("about")
        cache.set(key, urls, CACHE_SECONDS)
    path = request.path if request is not None else ""
    items = []
    for section, label, _model in SECTIONS:
        url = urls.get(section)
        if url:
            # aria-current: "page" on the section's own page, "true" anywhere below it.
            current = "page" if path == url else ("true" if path.startswith(url) else "")
            items.append({"key": section, "label": label, "url": url, "current": current})
    return items


def forget_navigation(**kwargs) -> None:
    from django.conf import settings

    cache.delete_many([CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])

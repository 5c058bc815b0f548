"""/sitemap.xml and /robots.txt, built from the page tree and the URL configuration."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .alternates import LANGUAGE_ORDER
from .sitemap import search_entries, sitemap_entries


def _site(request) -> Site:
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


@require_GET
@cache_control(public=True, max_age=3600)
def sitemap(request):
    site = _site(request)
    with translation.override(LANGUAGE_ORDER[0]):
        search_path = reverse("search")
    context = {"entries": sitemap_entries(request, site), "search_entries": search_entries(site, search_path)}
    return render(request, "seo/sitemap.xml", context, content_type="application/xml; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=86400)
def robots(request):
    site = _site(request)
    search_paths, compare_paths = [], []
    for code in LANGUAGE_ORDER:
        with translation.override(code):
            search_paths.append(reverse("search"))
            compare_paths.append(reverse("compare"))
    context = {
        "sitemap_url": site.root_url + reverse("sitemap"),
        "search_paths": search_paths,
        "compare_paths": compare_paths,
        "admin_path": reverse("wagtailadmin_home"),
    }
    return render(request, "seo/robots.txt", context, content_type="text/plain; charset=utf-8")

"""The entries of /sitemap.xml: every canonical URL of the live public pages of the three trees."""

from django.urls import translate_url
from wagtail.models import Page, Site

from .alternates import LANGUAGE_ORDER, Version, versions_by_page

# One sitemap file holds at most 50,000 URLs (sitemaps.org); the region's repository is far below.
MAX_URLS = 50_000


def sitemap_pages(site: Site):
    """Live public pages under the site's home page in every language tree."""
    roots = list(site.root_page.get_translations(inclusive=True).only("path"))
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return pages.live().public().select_related("locale").order_by("path")


def sitemap_entries(request, site: Site) -> list[Version]:
    versions = versions_by_page(list(sitemap_pages(site)), request=request)
    canonical = [version for version in versions.values() if version.is_canonical]
    canonical.sort(key=lambda v: (v.page.path, LANGUAGE_ORDER.index(v.language) if v.language in LANGUAGE_ORDER else 9))
    return canonical[:MAX_URLS]


def search_entries(site: Site, search_path: str) -> list[dict]:
    """The search page of each language: the entry point to every facet."""
    urls = [(code, site.root_url + translate_url(search_path, code)) for code in LANGUAGE_ORDER]
    alternates = [*urls, ("x-default", urls[0][1])]
    return [{"url": url, "alternates": alternates} for _code, url in urls]

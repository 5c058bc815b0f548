"""/sitemap.xml: every canonical URL of the three trees with its language versions; robots.txt."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from practices.models import InstitutionPage, PracticePage
from tests.factories import make_practice
from tests.seo.helpers import path_of

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client) -> dict[str, dict]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "max-age" in response["Cache-Control"]
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        location = path_of(url.find("s:loc", NS).text)
        lastmod = url.find("s:lastmod", NS)
        alternates = {link.get("hreflang"): path_of(link.get("href")) for link in url.findall("xhtml:link", NS)}
        entries[location] = {"lastmod": lastmod.text if lastmod is not None else None, "alternates": alternates}
    return entries


def test_sitemap_lists_each_language_version_with_its_alternates(client, translated_practice):
    entries = sitemap(client)
    for language in ("es", "en", "pt"):
        assert f"/{language}/" in entries
    english = translated_practice.get_translation(Locale.objects.get(language_code="en"))
    for url in (translated_practice.get_url(), english.get_url()):
        assert entries[url]["alternates"]["es"] == translated_practice.get_url()
        assert entries[url]["alternates"]["en"] == english.get_url()
        assert entries[url]["alternates"]["x-default"] == translated_practice.get_url()
        assert entries[url]["lastmod"]
    assert "/es/buscar/" in entries and entries["/es/buscar/"]["alternates"]["pt"] == "/pt/busca/"


def test_sitemap_leaves_out_untranslated_aliases(client, spanish_practice):
    entries = sitemap(client)
    assert spanish_practice.get_url() in entries
    for language in ("en", "pt"):
        alias = spanish_practice.get_translation(Locale.objects.get(language_code=language))
        assert alias.get_url() not in entries


def test_sitemap_has_every_live_public_practice_once_per_text_language(
    client, spanish_practice, translated_practice, portuguese_original
):
    entries = sitemap(client)
    groups: dict = {}
    for page in PracticePage.objects.live().select_related("locale"):
        groups.setdefault(page.translation_key, []).append(page)
    assert len(groups) == 3 and sum(len(pages) for pages in groups.values()) == 9
    for pages in groups.values():
        listed = [page for page in pages if page.get_url() in entries]
        assert len(listed) == len({page.content_language for page in pages}), pages[0].title


def test_sitemap_leaves_out_drafts_and_private_pages(client, institution):
    draft = make_practice(institution, publish=False)
    private = make_practice(institution)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    public = make_practice(institution)
    entries = sitemap(client)
    assert public.get_url() in entries
    assert private.get_url() not in entries
    assert draft.url_path not in " ".join(entries)


def test_sitemap_queries_do_not_grow_with_pages(client):
    institution = InstitutionPage.objects.get(locale__language_code="es", country__iso2="CL")
    make_practice(institution)  # with none, the queries that read practices' details are skipped
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as before:
        listed_before = sitemap(client)
    for _ in range(4):
        make_practice(institution)
    with CaptureQueriesContext(connection) as after:
        entries = sitemap(client)
    assert len(after.captured_queries) == len(before.captured_queries)
    assert len(after.captured_queries) <= 12
    assert len(entries) == len(listed_before) + 4


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_api_and_filtered_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines or any(
        line.startswith("Sitemap: http") and line.endswith("/sitemap.xml") for line in lines
    )
    for rule in (
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /es/buscar/?*&",
        "Disallow: /en/search/?q=",
        "Disallow: /pt/busca/?page=",
        "Disallow: /es/comparar/",
    ):
        assert rule in lines, rule
    assert "Disallow: /" not in lines  # the public pages stay crawlable

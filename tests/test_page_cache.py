"""Whole public pages from the shared cache for visitors without a session (core/pagecache.py).

Counts, not times: a second anonymous request for each kind of page makes 0 SQL statements; a
publish, an unpublish or a vocabulary edit shows on the next request in every language; an
editor's request never reads or fills the cache; the forms on cached pages still submit; the
view counter and the search log still count what the cache serves."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from curation.models import FeaturedSelectionPage, RoadmapPage, TopicIndexPage
from meetings.models import MeetingPage
from practices.models import InstitutionPage, PracticePage
from practices.taxonomy import Country
from stats import counter
from stats.models import PracticeView
from tests.factories import make_practice

# Every kind of page, as the demo publishes them (loaded once, after the other tests: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo")

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126 Mobile Safari/537.36"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600


def anonymous_twice(url):
    """The first visit renders; the second must come from the cache without touching the database."""
    first = Client().get(url, **BROWSER)
    assert first.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(url, **BROWSER)
    assert second.status_code == 200, url
    assert second.content == first.content, url
    return first, second, len(queries)


def live_url(model, es):
    return model.objects.live().filter(locale=es).order_by("pk").first().url


@pytest.mark.parametrize(
    "url",
    [
        "/es/",
        "/en/",
        "/pt/",
        "/es/buscar/",
        "/es/buscar/?q=rezago",
        "/en/search/?q=backlog&country=CO",
        "/es/feeds/practices.atom",
        "/sitemap.xml",
        "/robots.txt",
    ],
)
def test_a_second_anonymous_visit_costs_no_sql(url, es):
    first, second, queries = anonymous_twice(url)
    assert queries == 0
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and "s-maxage=" in second["Cache-Control"]


@pytest.mark.parametrize(
    "model", [PracticePage, InstitutionPage, TopicIndexPage, FeaturedSelectionPage, MeetingPage, RoadmapPage]
)
def test_every_kind_of_page_is_served_from_the_cache(model, es):
    _first, _second, queries = anonymous_twice(live_url(model, es))
    assert queries == 0


def test_a_conditional_request_gets_304_without_the_page(es):
    first, _second, _queries = anonymous_twice("/es/")
    again = Client().get("/es/", HTTP_IF_NONE_MATCH=first["ETag"], **BROWSER)
    assert again.status_code == 304 and again.content == b""


def test_publishing_unpublishing_and_a_vocabulary_edit_show_at_once_in_every_language(institution, es):
    practice = make_practice(institution, title="Turnos por teléfono", slug="turnos-por-telefono")
    aliases = {p.locale.language_code: p for p in PracticePage.objects.filter(translation_key=practice.translation_key)}
    urls = {language: page.url for language, page in aliases.items()}
    for url in urls.values():
        anonymous_twice(url)
    anonymous_twice("/es/buscar/?q=turnos")

    practice.title = "Turnos por teléfono y en línea"
    practice.save_revision().publish()
    for language, url in urls.items():
        assert "Turnos por teléfono y en línea" in Client().get(url).content.decode(), language
    assert "Turnos por teléfono y en línea" in Client().get("/es/buscar/?q=turnos").content.decode()

    country = Country.objects.get(iso2=institution.country.iso2)
    country.name_es = "Argentina (nombre editado)"
    country.save()
    assert "Argentina (nombre editado)" in Client().get(urls["es"]).content.decode()

    PracticePage.objects.get(pk=practice.pk).unpublish()
    assert Client().get(urls["es"]).status_code == 404


def test_a_draft_save_does_not_forget_the_cached_pages(institution):
    practice = make_practice(institution, title="Entrevistas en grupo", slug="entrevistas-en-grupo")
    anonymous_twice(practice.url)
    practice.title = "Título de borrador"
    practice.save_revision()  # a draft: nothing public changed
    with CaptureQueriesContext(connection) as queries:
        html = Client().get(practice.url, **BROWSER).content.decode()
    assert len(queries) == 0 and "Título de borrador" not in html


def test_editors_never_read_nor_fill_the_cache(es, django_user_model):
    editor = Client()
    editor.force_login(django_user_model.objects.get(username="secretaria"))
    url = live_url(PracticePage, es)
    anonymous_twice(url)
    with CaptureQueriesContext(connection) as queries:
        seen = editor.get(url).content.decode()
    assert len(queries) > 0 and "wagtail-userbar" in seen  # rendered for her, with the editors' bar
    with CaptureQueriesContext(connection) as queries:
        anonymous = Client().get(url, **BROWSER).content.decode()
    assert len(queries) == 0 and "wagtail-userbar" not in anonymous  # her page never reached the cache


def test_a_preview_is_never_cached(es, django_user_model):
    editor = Client()
    editor.force_login(django_user_model.objects.get(username="secretaria"))
    page = PracticePage.objects.live().filter(locale=es).first()
    response = editor.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        editor.get(f"/admin/pages/{page.pk}/view_draft/")
    assert len(queries) > 0


def test_the_exchange_form_on_a_cached_page_still_submits(institution):
    from exchange.models import ExchangeRequest

    practice = make_practice(institution, title="Registro móvil", slug="registro-movil")
    anonymous_twice(practice.url)
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get(practice.url, **BROWSER).content.decode()
    assert 'id="exchange-request"' in html and "csrfmiddlewaretoken" not in html
    action = html.split('class="exchange__form"')[0].rsplit('action="', 1)[1].split('"')[0].split("#")[0]
    response = visitor.post(
        action,
        {
            "name": "María Pérez",
            "requester_institution": "CONARE Paraguay",
            "country": "PY",
            "email": "maria.perez@example.org",
            "message": "Queremos conocer el registro móvil.",
            "formats": ["call"],
            "consent": "on",
            "website": "",
        },
    )
    assert response.status_code == 303
    assert ExchangeRequest.objects.filter(email="maria.perez@example.org", practice=practice).exists()
    # Back on the page with the confirmation message: rendered for her (a message cookie), not cached.
    after = visitor.get(response["Location"], **BROWSER).content.decode()
    assert "Your request was sent" in after or "Su solicitud" in after or "solicitud" in after


def test_views_served_from_the_cache_are_still_counted(institution):
    practice = make_practice(institution, title="Ventanilla única", slug="ventanilla-unica")
    anonymous_twice(practice.url)
    Client().get(practice.url, HTTP_USER_AGENT="Googlebot/2.1")  # a bot, from the cache: not counted
    counter.flush()
    assert PracticeView.objects.get(page=practice).views == 2


def test_searches_served_from_the_cache_are_still_counted():
    from search import log
    from search.models import SearchTermStat

    anonymous_twice("/es/buscar/?q=entrevista+remota")
    log.flush()
    assert SearchTermStat.objects.get(query="entrevista remota").searches == 2

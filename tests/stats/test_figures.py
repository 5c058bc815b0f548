"""The dashboard's figures against a small repository, counted here independently from the ORM."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from exchange.choices import RequestStatus
from exchange.models import ExchangeRequest
from home.demo.exchange import load_demo_requests
from practices.choices import PracticeKind, PracticeStatus
from practices.models import InstitutionPage, PracticePage
from practices.taxonomy import Country, ProcedureStage, Topic
from search import log
from search.models import SearchTermStat
from stats.models import PracticeView
from tests.factories import make_corpus

from .conftest import as_dict, table


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """Practices of every country, topic, stage, status and kind, published over three years, drafts
    among them, with aliases in the en/pt trees; and the demo's four exchange requests."""
    corpus = make_corpus(40, translations=0)
    load_demo_requests()
    return corpus


def published_in_spanish():
    """Counted the plain way: every live, public practice page of the Spanish tree, one by one."""
    es = Locale.objects.get(language_code="es")
    return [
        page
        for page in PracticePage.objects.filter(locale=es).prefetch_related("stages", "tagged_topics")
        if page.live and page.get_view_restrictions().count() == 0
    ]


def test_the_dashboard_counts_the_published_practices_of_the_spanish_tree(dashboard, corpus):
    es_practices = PracticePage.objects.filter(locale__language_code="es")
    assert es_practices.count() == len(corpus.practices) == 40
    published = published_in_spanish()
    response = dashboard()
    assert response.context["published"] == len(published) == len(corpus.published)
    assert 0 < len(published) < 40  # drafts are not counted


def test_practices_per_country_lists_all_seventeen_with_zeros(dashboard, es):
    published = published_in_spanish()
    expected = Counter(page.country.localized_name("es") for page in published)
    countries = table(dashboard(), "countries")
    assert len(countries.rows) == Country.objects.count() == 17
    assert as_dict(countries) == {
        c.localized_name("es"): expected.get(c.localized_name("es"), 0) for c in Country.objects.all()
    }
    # A country without practices still has its row: unpublish all of one country's and look again.
    institution = InstitutionPage.objects.get(locale=es, country__iso2="BZ")
    for page in PracticePage.objects.live().filter(institution=institution):
        page.unpublish()
    belize = Country.objects.get(iso2="BZ").localized_name("es")
    assert as_dict(table(dashboard(), "countries"))[belize] == 0


def test_practices_per_topic_stage_status_and_kind(dashboard):
    published = published_in_spanish()
    response = dashboard()
    topics = Counter(tagged.tag_id for page in published for tagged in page.tagged_topics.all())
    assert as_dict(table(response, "topics")) == {t.localized_name("es"): topics[t.pk] for t in Topic.objects.all()}
    stages = Counter(stage.pk for page in published for stage in page.stages.all())
    stage_table = table(response, "stages")
    assert [row.label for row in stage_table.rows] == [s.localized_name("es") for s in ProcedureStage.objects.all()]
    assert as_dict(stage_table) == {s.localized_name("es"): stages[s.pk] for s in ProcedureStage.objects.all()}
    statuses = Counter(page.status for page in published)
    assert as_dict(table(response, "status")) == {str(label): statuses[code] for code, label in PracticeStatus.choices}
    kinds = Counter(page.kind for page in published)
    assert as_dict(table(response, "kinds")) == {str(label): kinds[code] for code, label in PracticeKind.choices}
    assert sum(kinds.values()) == len(published)


def test_publications_per_month_cover_the_last_24_months(dashboard):
    published = published_in_spanish()
    months = table(dashboard(), "months")
    assert len(months.rows) == 24
    today = timezone.localdate()
    this_month = today.replace(day=1)
    first = this_month
    for _ in range(23):
        first = (first - timedelta(days=1)).replace(day=1)
    in_window = [p for p in published if timezone.localtime(p.first_published_at).date() >= first]
    assert months.total == len(in_window)
    this_months = sum(1 for p in published if timezone.localtime(p.first_published_at).date() >= this_month)
    assert months.rows[-1].values == [this_months]


def test_searches_and_searches_without_results_after_a_few_searches(client, dashboard, monkeypatch):
    monkeypatch.setattr(log, "FLUSH_EVERY", 1000)
    log.flush()
    SearchTermStat.objects.all().delete()
    for query in ["rezago", "Rezago", "xyzzyq", "rezago", "xyzzyq", "registro"]:
        client.get("/es/buscar/", {"q": query})
    client.get("/en/search/", {"q": "backlog"})
    log.flush()
    # One from three months ago: in the 90-day period, not in the 30-day one.
    SearchTermStat.objects.create(
        day=timezone.localdate() - timedelta(days=60), language="pt", query="xyzzyq", searches=5, zero_results=5
    )
    response = dashboard("?days=30")
    top = {(row.label, row.lang): row.values for row in table(response, "searches").rows}
    assert top[("rezago", "es")][0] == 3 and top[("rezago", "es")][2] == 0
    assert top[("xyzzyq", "es")][0] == 2 and top[("xyzzyq", "es")][2] == 2
    assert ("xyzzyq", "pt") not in top
    assert [row.label for row in table(response, "searches").rows][0] == "rezago"
    zero = {(row.label, row.lang): row.values[0] for row in table(response, "zero-results").rows}
    assert zero == {("xyzzyq", "es"): 2}
    assert response.context["search_totals"] == {"searches": 7, "zero_results": 2}
    quarter = dashboard("?days=90")
    assert {(row.label, row.lang): row.values[0] for row in table(quarter, "zero-results").rows} == {
        ("xyzzyq", "pt"): 5,
        ("xyzzyq", "es"): 2,
    }


def test_exchange_requests_by_status_and_institution_match_the_rows(dashboard, es):
    # One more request, received 200 days ago: counted in all, in the period only for 365 days.
    argentina = InstitutionPage.objects.get(locale=es, country__iso2="AR")
    practice = PracticePage.objects.live().filter(institution=argentina).first()
    old = ExchangeRequest.objects.create(
        practice=practice,
        practice_title=practice.title,
        institution=argentina,
        name="Prueba",
        requester_institution="Institución de prueba",
        email="prueba@example.org",
        message="Un mensaje de prueba suficientemente largo.",
        language="es",
        status=RequestStatus.CLOSED,
    )
    ExchangeRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=200))
    requests = list(ExchangeRequest.objects.select_related("institution"))
    assert len(requests) >= 5
    since = timezone.localdate() - timedelta(days=29)
    recent_30 = [r for r in requests if timezone.localtime(r.created_at).date() >= since]
    for days, recent in ((30, recent_30), (365, requests)):
        response = dashboard(f"?days={days}")
        by_status = {row.label: row.values for row in table(response, "exchange-status").rows}
        for code, label in RequestStatus.choices:
            assert by_status[str(label)] == [
                sum(1 for r in requests if r.status == code),
                sum(1 for r in recent if r.status == code),
            ]
        by_institution = {row.label: row.values for row in table(response, "exchange-institutions").rows}
        assert len(by_institution) == InstitutionPage.objects.filter(locale=es).count()
        for institution in InstitutionPage.objects.filter(locale=es).select_related("country"):
            mine = [r for r in requests if r.institution_id == institution.pk]
            values = by_institution[f"{institution.title} ({institution.country.localized_name('es')})"]
            assert values[0] == len(mine)
            assert values[1] == sum(1 for r in recent if r.institution_id == institution.pk)
            assert values[2:] == [sum(1 for r in mine if r.status == code) for code in RequestStatus.values]


@pytest.mark.parametrize("value", ["abc", "7", "-30", "30.5", "9" * 50, "0"])
def test_a_period_that_is_not_offered_falls_back_to_thirty_days_with_a_message(dashboard, value):
    response = dashboard(f"?days={value}")
    assert response.context["days"] == 30
    assert "is not one of the periods offered" in response.content.decode() or "periodos" in response.content.decode()


def test_each_table_downloads_as_csv_and_an_unknown_one_is_a_400(login, dashboard):
    response = login("secretaria").get("/admin/statistics/?days=90&download=countries")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="estadisticas-countries-90d.csv"' in response["Content-Disposition"]
    lines = response.content.decode().strip().splitlines()
    assert len(lines) == 1 + 17
    unknown = login("secretaria").get("/admin/statistics/?download=nothing")
    assert unknown.status_code == 400
    assert "download" in unknown.content.decode() or "descargar" in unknown.content.decode()


def test_the_dashboard_costs_the_same_number_of_queries_whatever_the_data(login, es):
    client = login("secretaria")
    today = timezone.localdate()
    # A little of everything first (with nothing at all, Django skips the queries of empty lists).
    SearchTermStat.objects.create(day=today, language="es", query="consulta de base", searches=1)
    PracticeView.objects.create(
        page=PracticePage.objects.live().filter(locale=es).order_by("-pk")[0], day=today, views=1
    )
    client.get("/admin/statistics/")
    with CaptureQueriesContext(connection) as before:
        assert client.get("/admin/statistics/?days=365").status_code == 200
    SearchTermStat.objects.bulk_create(
        SearchTermStat(day=today, language="es", query=f"consulta {i}", searches=i + 1, zero_results=i % 2)
        for i in range(40)
    )
    pages = list(PracticePage.objects.live().exclude(locale=es).order_by("pk")[:30]) + list(
        PracticePage.objects.live().filter(locale=es).order_by("pk")[:30]
    )
    PracticeView.objects.bulk_create(PracticeView(page=page, day=today, views=i + 1) for i, page in enumerate(pages))
    practice = pages[-1]
    ExchangeRequest.objects.bulk_create(
        ExchangeRequest(
            practice=practice,
            practice_title=practice.title,
            institution_id=practice.institution_id,
            name=f"Persona {i}",
            requester_institution="Institución",
            email=f"p{i}@example.org",
            message="Un mensaje de prueba suficientemente largo.",
            language="es",
            status=RequestStatus.values[i % 4],
        )
        for i in range(12)
    )
    with CaptureQueriesContext(connection) as after:
        response = client.get("/admin/statistics/?days=365")
    assert response.status_code == 200
    assert len(table(response, "views").rows) == 20
    assert len(after.captured_queries) == len(before.captured_queries)
    assert len(after.captured_queries) <= 42  # of which 16 are the figures', the rest the admin's


def test_user_typed_text_is_escaped_in_the_page_and_defused_in_the_csv(login):
    SearchTermStat.objects.all().delete()
    SearchTermStat.objects.create(
        day=timezone.localdate(), language="es", query='=hyperlink("http://x.example")', searches=3, zero_results=3
    )
    client = login("secretaria")
    page = client.get("/admin/statistics/?days=<script>alert(1)</script>")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    rows = client.get("/admin/statistics/?download=zero-results").content.decode().splitlines()
    assert rows[1].startswith("\"'=hyperlink(")

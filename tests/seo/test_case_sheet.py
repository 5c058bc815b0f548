"""The printable case sheet: a real PDF per practice, in the URL's language, opened and read here."""

import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import Locale, PageViewRestriction

from practices.models import PracticePage, ResultIndicator
from practices.taxonomy import Country, ProcedureStage, Topic
from printsheet.rendering import OfflineURLFetcher, html_to_pdf
from tests.factories import make_practice


def sheet_url(page, language: str, page_id: int | None = None) -> str:
    with translation.override(language):
        return reverse("case_sheet", kwargs={"page_id": page_id or page.pk})


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_spanish_sheet_has_title_institution_numbers_and_the_way_back(client, institution):
    page = make_practice(institution, title="Entrevistas remotas con intérprete", results=2)
    ResultIndicator.objects.filter(page=page, indicator="Indicador 0").update(
        indicator="Días hasta la decisión", baseline=Decimal("2480"), result=Decimal("1234.5")
    )
    text = pdf_text(client.get(sheet_url(page, "es")))
    assert "Entrevistas remotas con intérprete" in text
    assert institution.title in text
    assert "Argentina" in text
    assert "Resultados" in text and "Indicador" in text  # the interface in Spanish
    assert "Días hasta la decisión" in text
    assert "1 234,5" in text and "2 480" in text  # numbers in Spanish notation (a no-break space groups thousands)
    assert f"http://localhost{page.get_url()}" in text.replace(" ", "")
    assert page.contact_email == "" or page.contact_email not in text


def test_english_sheet_of_a_translated_practice(client, translated_practice):
    english = translated_practice.get_translation(Locale.objects.get(language_code="en"))
    english = PracticePage.objects.get(pk=english.pk)
    text = pdf_text(client.get(sheet_url(english, "en")))
    assert english.title.split()[0] in text and " ".join(english.title.split()[:4]) in text
    assert english.institution.title in text
    assert "Results" in text or not english.results.exists()
    for row in english.results.all()[:1]:
        assert row.indicator.split()[0] in text
        assert f"{row.result:,.2f}".rstrip("0").rstrip(".") in text  # 1,234.5 in English notation
    assert "Problem addressed" in text
    assert f"http://localhost{english.get_url()}" in text.replace(" ", "")


def test_demo_practice_sheet_says_it_is_demonstration_content(client, institution):
    demo_practice = make_practice(institution, is_demo=True)
    text = pdf_text(client.get(sheet_url(demo_practice, "es")))
    assert demo_practice.institution.title in text
    assert "demostración" in text.casefold() or "Demonstration content" in text


def test_practice_page_links_to_its_sheet(client, spanish_practice):
    html = client.get(spanish_practice.get_url()).content.decode()
    assert f'href="{sheet_url(spanish_practice, "es")}"' in html
    assert sheet_url(spanish_practice, "es").startswith("/es/") and sheet_url(spanish_practice, "es").endswith(".pdf")


def test_sheet_of_an_id_from_another_tree_redirects_to_the_urls_language(client, spanish_practice):
    english = spanish_practice.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(sheet_url(spanish_practice, "en"))
    assert response.status_code == 301
    assert response["Location"] == sheet_url(english, "en") == f"/en/case-sheet/{english.pk}.pdf"


@pytest.mark.parametrize("case", ["unknown", "draft", "private", "institution"])
def test_no_sheet_for_what_a_visitor_cannot_read(client, institution, case):
    if case == "unknown":
        page_id = 999_999_999
    elif case == "draft":
        page_id = make_practice(institution, publish=False).pk
    elif case == "private":
        page = make_practice(institution)
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        page_id = page.pk
    else:
        page_id = institution.pk
    response = client.get(sheet_url(institution, "es", page_id))
    assert response.status_code == 404


def test_sheet_is_cacheable_and_answers_conditional_requests(client, spanish_practice):
    response = client.get(sheet_url(spanish_practice, "es"))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    assert response["Last-Modified"]
    assert response["Content-Disposition"] == f'attachment; filename="{spanish_practice.slug}.pdf"'
    assert response["Link"] == f'<http://localhost{spanish_practice.get_url()}>; rel="canonical"'
    again = client.get(sheet_url(spanish_practice, "es"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


def test_sheet_queries_do_not_grow_with_the_practice(client, institution):
    small = make_practice(institution, topics=Topic.objects.all()[:1], results=1, documents=1)
    large = make_practice(
        institution,
        topics=Topic.objects.all()[:8],
        stages=ProcedureStage.objects.all()[:6],
        partners=Country.objects.filter(iso2__in=["UY", "PY", "CL"]),
        results=12,
        documents=6,
    )
    counts = []
    for page in (small, large):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(sheet_url(page, "es")).status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 20


def test_renderer_fetches_nothing_from_the_network():
    fetcher = OfflineURLFetcher()
    for url in ("http://example.org/logo.png", "https://fonts.example.org/a.woff2", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    pdf = html_to_pdf(
        '<link rel="stylesheet" href="https://cdn.example.org/x.css"><img src="http://example.org/x.png" alt="x">'
        "<p>Sin red</p>",
        base_url="http://localhost/",
    )
    assert "Sin red" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

"""Only the secretariat curates: officials cannot edit featured selections, topics or the roadmap
(tried through the real admin URLs), and the secretariat can."""

from datetime import date

import pytest
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from curation.models import Commitment, FeaturedSelectionIndexPage, FeaturedSelectionPage, RoadmapPage
from home.models import HomePage
from practices.taxonomy import Topic
from tests.factories import make_corpus

DENIED = (302, 403)


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """Practices, the demo's two selections (in three languages) and its 2026 roadmap, built by the
    demo's curation loader on them."""
    return make_corpus(25, translations=0, curation=True)


def commitment_data(commitment, **changes):
    data = {
        "year": commitment.year,
        "target_date": commitment.target_date.isoformat(),
        "status": commitment.status,
        "mechanism": commitment.mechanism_id or "",
        "country": commitment.country_id or "",
        "action_es": commitment.action_es,
        "action_en": commitment.action_en,
        "action_pt": commitment.action_pt,
        "responsible": commitment.responsible,
        "practice_links": inline_formset([]),
        "is_demo": "on" if commitment.is_demo else "",
    }
    data.update(changes)
    return nested_form_data(data)


def test_official_cannot_list_add_or_edit_roadmap_commitments(client, official):
    commitment = Commitment.objects.get(country__iso2="GT")
    assert client.get("/admin/snippets/curation/commitment/").status_code in DENIED
    assert client.get("/admin/snippets/curation/commitment/add/").status_code in DENIED
    response = client.post("/admin/snippets/curation/commitment/add/", commitment_data(commitment, action_es="Nuevo"))
    assert response.status_code in DENIED
    assert not Commitment.objects.filter(action_es="Nuevo").exists()
    edit = f"/admin/snippets/curation/commitment/edit/{commitment.pk}/"
    assert client.get(edit).status_code in DENIED
    response = client.post(edit, commitment_data(commitment, status="done"))
    assert response.status_code in DENIED
    commitment.refresh_from_db()
    assert commitment.status == "delayed"
    response = client.post(f"/admin/snippets/curation/commitment/delete/{commitment.pk}/")
    assert response.status_code in DENIED
    assert Commitment.objects.filter(pk=commitment.pk).exists()


def test_official_cannot_edit_topics(client, official):
    topic = Topic.objects.get(slug="digitalizacion")
    edit = f"/admin/snippets/practices/topic/edit/{topic.pk}/"
    assert client.get(edit).status_code in DENIED
    response = client.post(edit, {"name": topic.name, "slug": topic.slug, "description": "Cambiado", "sort_order": 0})
    assert response.status_code in DENIED
    topic.refresh_from_db()
    assert topic.description != "Cambiado"


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_official_cannot_edit_selections_the_roadmap_page_or_the_home_choice(client, official, language):
    locale = Locale.objects.get(language_code=language)
    selection = FeaturedSelectionPage.objects.filter(locale=locale).first()
    for page in (selection, RoadmapPage.objects.get(locale=locale), HomePage.objects.get(locale=locale)):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in DENIED, page
        response = client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Tomado", "slug": page.slug})
        assert response.status_code in DENIED
        page.refresh_from_db()
        assert page.title != "Tomado"
    index = FeaturedSelectionIndexPage.objects.get(locale=locale)
    add = f"/admin/pages/add/curation/featuredselectionpage/{index.pk}/"
    assert client.get(add).status_code in DENIED
    response = client.post(add, {"title": "Selección intrusa", "slug": "intrusa"})
    assert response.status_code in DENIED
    assert not FeaturedSelectionPage.objects.filter(title="Selección intrusa").exists()


def test_secretariat_edits_a_commitment(client, secretariat):
    commitment = Commitment.objects.get(country__iso2="GT")
    edit = f"/admin/snippets/curation/commitment/edit/{commitment.pk}/"
    assert client.get(edit).status_code == 200
    response = client.post(edit, commitment_data(commitment, status="done", target_date=date(2026, 5, 1).isoformat()))
    assert response.status_code == 302, response.content.decode()[:3000]
    commitment.refresh_from_db()
    assert commitment.status == "done" and commitment.target_date == date(2026, 5, 1)
    html = client.get("/en/roadmap-2026/?country=GT&status=done").content.decode()
    assert commitment.action_en in html  # the change shows in every language at once


def test_secretariat_creates_a_featured_selection_in_the_admin(client, secretariat, es, institution):
    from practices.models import PracticePage

    index = FeaturedSelectionIndexPage.objects.get(locale=es)
    practice = PracticePage.objects.live().filter(locale=es).first()
    data = nested_form_data(
        {
            "title": "Entrevistas de elegibilidad",
            "slug": "entrevistas-de-elegibilidad",
            "intro": rich_text("<p>Prácticas sobre entrevistas.</p>"),
            "topic": Topic.objects.get(slug="capacidades-tecnicas").pk,
            "items": inline_formset([{"practice": practice.pk}]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/curation/featuredselectionpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = FeaturedSelectionPage.objects.get(locale=es, slug="entrevistas-de-elegibilidad")
    assert page.live
    html = client.get(page.get_url()).content.decode()
    assert practice.title in html
    assert "Entrevistas de elegibilidad" in client.get("/es/temas/capacidades-tecnicas/").content.decode()

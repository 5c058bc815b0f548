"""The demo content, loaded the way `make run` loads it: the one test module that reads it.

Every other test builds what it reads with tests/factories.py; this one proves that `load_demo`
still runs on the current models, that each page type it creates renders in the three languages,
and that the search finds its practices.
"""

import pytest
from wagtail.models import Locale

from curation.models import FeaturedSelectionIndexPage, FeaturedSelectionPage, RoadmapPage, TopicIndexPage
from home.models import HomePage
from meetings.models import MeetingIndexPage, MeetingPage
from practices.models import InstitutionPage, PracticeIndexPage, PracticePage

pytestmark = pytest.mark.usefixtures("demo")

LANGUAGES = ["es", "en", "pt"]


def page_of(model, language, **filters):
    return model.objects.live().filter(locale=Locale.objects.get(language_code=language), **filters).first()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "model, filters",
    [
        (HomePage, {}),
        (PracticeIndexPage, {}),
        (InstitutionPage, {"country__iso2": "CO"}),
        (PracticePage, {"kind": "practice"}),
        (PracticePage, {"kind": "lesson"}),
        (MeetingIndexPage, {}),
        (MeetingPage, {}),
        (FeaturedSelectionIndexPage, {}),
        (FeaturedSelectionPage, {}),
        (TopicIndexPage, {}),
        (RoadmapPage, {}),
    ],
    ids=[
        "home",
        "practices-index",
        "institution",
        "practice",
        "lesson",
        "meetings-index",
        "meeting",
        "selections-index",
        "selection",
        "topics-index",
        "roadmap",
    ],
)
def test_every_demo_page_type_renders_in_each_language(client, language, model, filters):
    page = page_of(model, language, **filters)
    assert page is not None, f"no live {model.__name__} in {language}"
    url = page.get_url()
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert page.title in html


def test_the_demo_has_practices_in_every_tree_and_marks_them(client, es):
    for language in LANGUAGES:
        assert page_of(PracticePage, language, is_demo=True) is not None, language
    page = PracticePage.objects.live().filter(locale=es, is_demo=True).first()
    assert "Contenido de demostración" in client.get(page.get_url()).content.decode()


@pytest.mark.parametrize("language, path", [("es", "/es/buscar/"), ("en", "/en/search/"), ("pt", "/pt/busca/")])
def test_the_search_finds_a_demo_practice(client, language, path):
    practice = page_of(PracticePage, language, is_demo=True, country__iso2="CO")
    response = client.get(path, {"q": practice.title})
    assert response.status_code == 200
    assert practice.get_url() in response.content.decode()


def test_the_second_regional_technical_meeting_is_in_the_demo(client, es):
    meeting = MeetingPage.objects.get(locale=es, start_date="2025-09-24")
    assert meeting.place.startswith("Ciudad de Panamá")
    assert meeting.end_date.isoformat() == "2025-09-25"
    assert meeting.mechanisms.count() >= 2
    html = client.get(meeting.get_url()).content.decode()
    assert "hoja de ruta conjunta para 2026" in html
    assert meeting.related_practices.count() > 0
    document = meeting.documents.get().document
    assert document.file_extension == "pdf"
    assert document.url in html
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_load_demo_runs_again_without_duplicating(es):
    from django.core.management import call_command

    before = PracticePage.objects.count(), MeetingPage.objects.count(), FeaturedSelectionPage.objects.count()
    call_command("load_demo", "--force", verbosity=0)
    assert (PracticePage.objects.count(), MeetingPage.objects.count(), FeaturedSelectionPage.objects.count()) == before

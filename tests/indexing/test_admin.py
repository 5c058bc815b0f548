"""Editors learn that search lags behind; only the secretariat reads the index health report."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from curation.models import FeaturedSelectionIndexPage
from indexing.models import IndexQueueEntry
from practices.models import PracticePage
from practices.taxonomy import Topic
from tests.factories import make_practice

REPORT = "/admin/index-health/"
NOTICE = "Motor de búsqueda inaccesible: 2 cambios pendientes de indexar"


@pytest.fixture
def waiting(institution):
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(PracticePage)
    pages = [make_practice(institution), make_practice(institution)]
    for page in pages:
        IndexQueueEntry.objects.create(
            content_type=content_type, object_id=str(page.pk), action="index", created_at=now, updated_at=now
        )
    return list(pages)


@pytest.mark.parametrize("username", ["secretaria", "oficial-ar"])
def test_the_dashboard_tells_every_editor_how_many_changes_wait(login, waiting, username):
    html = login(username).get("/admin/").content.decode()
    assert NOTICE in html


def test_the_dashboard_says_nothing_when_nothing_waits(login):
    assert "Motor de búsqueda inaccesible" not in login("secretaria").get("/admin/").content.decode()


def test_publishing_a_page_while_changes_wait_warns_the_editor(login, waiting, es):
    index = FeaturedSelectionIndexPage.objects.get(locale=es)
    data = nested_form_data(
        {
            "title": "Entrevistas de elegibilidad",
            "slug": "entrevistas-de-elegibilidad",
            "intro": rich_text("<p>Prácticas sobre entrevistas.</p>"),
            "topic": Topic.objects.get(slug="capacidades-tecnicas").pk,
            "items": inline_formset([{"practice": waiting[0].pk}]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    client = login("secretaria")
    response = client.post(f"/admin/pages/add/curation/featuredselectionpage/{index.pk}/", data, follow=True)
    assert response.status_code == 200
    assert NOTICE in response.content.decode()


def test_the_secretariat_reads_the_report_and_officials_are_refused(login, waiting):
    response = login("secretaria").get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Estado del índice de búsqueda" in html and 'id="index-queue"' in html
    assert str(waiting[0].pk) in html
    official = login("oficial-ar")
    assert official.get(REPORT).status_code == 302
    assert REPORT not in official.get("/admin/").content.decode()

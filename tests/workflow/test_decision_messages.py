"""The message after a review decision taken in the page editor says what the decision did
(officials/workflow_messages.py), not Wagtail's "ha sido actualizada"."""

import html

import pytest
from django.test import Client

from practices.models import InstitutionPage
from tests.practices.test_editor import practice_form

from .test_review_cycle import submit_new_practice


def decide(secretary, page, action):
    """What the editor's "Aprobar y Publicar" / "Solicitar cambios" buttons post (workflow-action.js)."""
    client = Client()
    client.force_login(secretary)
    data = practice_form(title=page.title, slug=page.slug)
    data.update({"action-workflow-action": "true", "workflow-action-name": action})
    if action == "reject":
        data["workflow-action-extra-data"] = '{"comment": "Falta la fuente."}'
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    assert response.redirect_chain and response.status_code == 200
    return html.unescape(response.content.decode())  # the page she lands on shows the messages


@pytest.mark.parametrize(
    "action, expected",
    [("approve", "ha sido aprobada y publicada"), ("reject", "Se pidieron cambios en")],
)
def test_the_editor_says_what_the_review_decision_did(official, secretary, es, action, expected):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="AR")
    official_client = Client()
    official_client.force_login(official)
    page = submit_new_practice(official_client, institution, title="Decisión en el editor", slug="decision-editor")
    shown = decide(secretary, page, action)
    assert f"{expected}" in shown and "«Decisión en el editor»" in shown
    assert "ha sido actualizada" not in shown
    page.refresh_from_db()
    assert page.live is (action == "approve")

"""The admin speaks the editor's language: no Wagtail English left on the pages of the journeys, in
the Spanish and the Brazilian-Portuguese admin, for an official and for the secretariat."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from .admin_text import untranslated, visible_texts
from .admin_walk import journey_urls, practice_in_review

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


def speaking(username: str, language: str):
    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def html_of(response) -> str:
    if response["Content-Type"].startswith("application/json"):  # workflow dialogs come as JSON
        return response.json().get("html", "")
    return response.content.decode()


@pytest.mark.parametrize("language", ["es", "pt-br"])
@pytest.mark.parametrize("username", ["oficial-br", "secretaria"])
def test_the_journeys_admin_pages_show_no_english(client, username, language):
    user = speaking(username, language)
    client.force_login(user)
    english = {}
    for url in journey_urls(user):
        response = client.get(url)
        assert response.status_code == 200, url
        for text in untranslated(html_of(response), language):
            english.setdefault(text, url)
    assert english == {}


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_the_log_in_page_speaks_the_browsers_language_and_brazilian_portuguese(client, language):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert untranslated(html, language.lower()) == []
    if language == "pt-BR":
        assert {"Usuário", "Senha"} <= visible_texts(html)


def test_the_review_names_read_in_the_admin_language_and_are_told_apart(client):
    practice, _task_state = practice_in_review()
    client.force_login(speaking("oficial-br", "pt-br"))
    html = client.get(f"/admin/pages/{practice.pk}/edit/").content.decode()
    assert "Revisão da Secretaria" in html and "Aprovação da Secretaria" in html
    assert "Revisión de la Secretaría" not in html

    client.force_login(speaking("oficial-br", "es"))
    html = client.get(f"/admin/pages/{practice.pk}/edit/").content.decode()
    assert "Revisión de la Secretaría en Revisión de la Secretaría" not in html
    assert "Aprobación de la Secretaría" in html


def test_a_renamed_translation_is_stored_back_in_spanish(db):
    from django.utils import translation
    from wagtail.models import Workflow

    from officials.workflow import REVIEW_WORKFLOW_NAME

    with translation.override("pt-br"):
        workflow = Workflow.objects.get(name=REVIEW_WORKFLOW_NAME)
        assert str(workflow.name) == "Revisão da Secretaria"
        workflow.save()  # as the secretariat's form would, in the Portuguese admin
    assert Workflow.objects.filter(name=REVIEW_WORKFLOW_NAME).exists()

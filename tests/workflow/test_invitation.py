"""The secretariat invites an official: an inactive account in the institution's group, an e-mail
in the chosen language with a single-use, expiring link where the official chooses a password."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import translation

from officials.models import Invitation
from officials.tokens import invitation_token
from practices.models import InstitutionPage
from tests.refusals import is_refused

ADD_URL = "/admin/officials/new/"
PASSWORD = "una-clave-larga-y-segura-2026"


@pytest.fixture
def secretary_client(secretary):
    client = Client()
    client.force_login(secretary)
    return client


def expected(msgid: str, language: str, **params) -> str:
    """Our own strings as the catalogue gives them (their .po entries are merged later)."""
    with translation.override(language):
        text = translation.gettext(msgid)
        return text % {key: str(value) for key, value in params.items()} if params else text


def invite(client, institution, *, email="nueva.oficial@conare.example", language="es"):
    data = {
        "email": email,
        "first_name": "Lucía",
        "last_name": "Pereyra",
        "institution": institution.pk,
        "language": language,
    }
    return client.post(ADD_URL, data)


def link_in(message) -> str:
    return re.search(r"http://testserver(/invitation/\S+/)", message.body).group(1)


def test_the_secretariat_sees_the_menu_and_the_form(secretary_client):
    response = secretary_client.get("/admin/")
    assert "/admin/officials/" in response.content.decode()
    response = secretary_client.get(ADD_URL)
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_an_invitation_creates_an_inactive_official_and_sends_the_link(secretary_client, secretary, es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="AR")
    response = invite(secretary_client, institution)
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(email="nueva.oficial@conare.example")
    assert not user.is_active and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Funcionarios AR"]
    assert Invitation.objects.get(user=user).invited_by == secretary
    (message,) = mail.outbox
    assert message.to == ["nueva.oficial@conare.example"]
    assert message.subject == expected("Your account on %(site)s", "es", site=settings.WAGTAIL_SITE_NAME)
    assert institution.title in message.body
    assert link_in(message) in message.alternatives[0][0]


def test_the_link_works_once_and_the_official_then_edits_only_her_institution(secretary_client, es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="AR")
    invite(secretary_client, institution)
    link = link_in(mail.outbox[0])
    visitor = Client()
    assert visitor.get(link).status_code == 200

    # Validators apply: a short password is refused, with the form kept.
    response = visitor.post(link, {"new_password1": "corta", "new_password2": "corta"})
    assert response.status_code == 400
    assert get_user_model().objects.get(email="nueva.oficial@conare.example").is_active is False

    response = visitor.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    user = get_user_model().objects.get(email="nueva.oficial@conare.example")
    assert user.is_active and user.check_password(PASSWORD)
    assert Invitation.objects.get(user=user).accepted_at is not None

    # Used: the same link is refused, with a clear page.
    again = visitor.get(link, HTTP_ACCEPT_LANGUAGE="es")
    assert again.status_code == 400
    assert expected("This invitation link cannot be used", "es") in again.content.decode()

    official = Client()
    response = official.post("/admin/login/", {"username": "nueva.oficial@conare.example", "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert official.get(f"/admin/pages/{institution.pk}/edit/").status_code == 200
    mexico = InstitutionPage.objects.get(locale=es, country__iso2="MX")
    assert is_refused(official.get(f"/admin/pages/{mexico.pk}/edit/"))
    assert is_refused(official.get(ADD_URL))  # officials cannot invite


def test_an_expired_or_forged_link_gives_a_translated_page_not_an_error(secretary_client, es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="BR")
    invite(secretary_client, institution, language="pt-br")
    message = mail.outbox[0]
    # The invitation is in the official's language (Wagtail's strings and ours).
    assert message.subject == expected("Your account on %(site)s", "pt-br", site=settings.WAGTAIL_SITE_NAME)
    link = link_in(message)
    later = invitation_token._now() + timedelta(days=8)
    with mock.patch.object(type(invitation_token), "_now", return_value=later):
        response = Client().get(link, HTTP_ACCEPT_LANGUAGE="pt-br")
    assert response.status_code == 400
    assert expected("This invitation link cannot be used", "pt-br") in response.content.decode()
    assert 'lang="pt"' in response.content.decode() and "Entrar" in response.content.decode()

    uid = link.split("/")[2]
    for bad in (f"/invitation/{uid}/1-abc/", "/invitation/zzzz/whatever/", f"/invitation/{uid}/a-b-c/"):
        response = Client().get(bad, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 400
        assert 'lang="es"' in response.content.decode() and "Iniciar sesión" in response.content.decode()


def test_a_duplicate_e_mail_is_a_form_error(secretary_client, es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="AR")
    response = invite(secretary_client, institution, email="OFICIAL-MX@demo.example")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not mail.outbox
    assert 'value="OFICIAL-MX@demo.example"' in response.content.decode()  # nothing typed is lost


def test_officials_cannot_invite_nor_manage_users(official):
    client = Client()
    client.force_login(official)
    assert is_refused(client.get(ADD_URL))
    assert is_refused(client.post(ADD_URL, {"email": "x@example.org", "first_name": "X", "last_name": "Y"}))
    assert is_refused(client.get("/admin/officials/"))
    assert is_refused(client.get("/admin/users/"))
    assert is_refused(client.get("/admin/groups/"))
    assert "/admin/officials/" not in client.get("/admin/").content.decode()
    assert not get_user_model().objects.filter(email="x@example.org").exists()
    assert not Group.objects.get(name="Funcionarios AR").permissions.filter(codename__contains="user").exists()


def test_the_secretariat_lists_invitations_and_opens_one(secretary_client, es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="CR")
    invite(secretary_client, institution, email="pendiente@conare.example")
    invitation = Invitation.objects.get(user__email="pendiente@conare.example")
    response = secretary_client.get("/admin/officials/")
    assert response.status_code == 200
    assert "pendiente@conare.example" in response.content.decode()
    response = secretary_client.get(f"/admin/officials/inspect/{invitation.pk}/")
    assert response.status_code == 200 and institution.title in response.content.decode()
    assert is_refused(secretary_client.get(f"/admin/officials/edit/{invitation.pk}/"))

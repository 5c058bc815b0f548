"""E-mails an outsider can make the site send are rate-limited per target and per address, in the
shared cache (issue 10: "Password reset has no rate limit (10 requests, 10 e-mails)")."""

import pytest
from django.core import mail
from django.test import Client

RESET_URL = "/admin/password_reset/"


@pytest.fixture
def limits(settings):
    settings.ACCOUNT_MAIL_LIMITS = {"reset_account": 3, "reset_address": 10}
    settings.TRUSTED_PROXY_COUNT = 1
    mail.outbox = []


def reset(client, email, visitor="198.51.100.10"):
    """Through the proxy, as nginx passes the visitor's address on."""
    return client.post(RESET_URL, {"email": email}, REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR=visitor)


def test_ten_reset_requests_for_one_account_send_three_emails(client, official, limits):
    for n in range(10):
        # From ten different addresses: the per-account limit holds wherever they come from.
        response = reset(client, official.email, visitor=f"198.51.100.{n + 1}")
        # Every answer is the usual one: the limit tells nothing about whether the account exists.
        assert response.status_code == 302 and response["Location"] == "/admin/password_reset/done/"
    assert [message.to for message in mail.outbox] == [[official.email]] * 3


def test_one_address_is_refused_after_ten_requests_with_a_translated_429(client, users, limits):
    for n in range(10):
        assert reset(client, f"nobody{n}@example.org").status_code == 302
    response = reset(client, users["secretaria"].email, visitor="198.51.100.10")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Demasiadas solicitudes de restablecimiento de contraseña" in response.content.decode()
    assert mail.outbox == []
    # A spoofed address in front of the proxy's does not help; another visitor is not affected.
    assert reset(client, "x@example.org", visitor="10.0.0.1, 198.51.100.10").status_code == 429
    assert reset(Client(), users["secretaria"].email, visitor="203.0.113.20").status_code == 302
    assert len(mail.outbox) == 1


@pytest.fixture
def secretary_client(users, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = False  # this test is about the invitation form
    client = Client()
    client.force_login(users["secretaria"])
    return client


def invite(client, institution, email, **headers):
    data = {"email": email, "first_name": "Lucía", "last_name": "Pereyra", "institution": institution.pk}
    return client.post("/admin/officials/new/", {**data, "language": "es"}, **headers)


def test_invitations_are_limited_per_sender_and_address(secretary_client, institution, settings):
    settings.ACCOUNT_MAIL_LIMITS = {"invite_sender": 2, "invite_address": 100}
    mail.outbox = []
    assert invite(secretary_client, institution, "uno@conare.example").status_code == 302
    assert invite(secretary_client, institution, "dos@conare.example").status_code == 302
    response = invite(secretary_client, institution, "tres@conare.example")
    assert response.status_code == 429
    assert "Se enviaron demasiadas invitaciones" in response.content.decode()
    assert len(mail.outbox) == 2


def test_invitations_are_limited_per_client_address(secretary_client, institution, settings):
    settings.ACCOUNT_MAIL_LIMITS = {"invite_sender": 100, "invite_address": 1}
    settings.TRUSTED_PROXY_COUNT = 1
    mail.outbox = []
    here = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "198.51.100.10"}
    assert invite(secretary_client, institution, "uno@conare.example", **here).status_code == 302
    assert invite(secretary_client, institution, "dos@conare.example", **here).status_code == 429
    elsewhere = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    assert invite(secretary_client, institution, "dos@conare.example", **elsewhere).status_code == 302
    assert len(mail.outbox) == 2

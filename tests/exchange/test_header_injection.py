"""A requester's name or institution carrying CR/LF once put fake lines ("Bcc: …") into the
officials' e-mail. One-line fields refuse control characters with a translated message, and the
e-mail body never lets a typed value start a line of its own (older records included)."""

import pytest
from django.core import mail

from exchange.emails import send_new_request
from exchange.models import ExchangeRequest
from practices.taxonomy import Country

pytestmark = pytest.mark.django_db

INJECTED = "María\r\nBcc: everyone@example.org"


@pytest.mark.parametrize("field", ["name", "requester_institution", "country_other"])
def test_a_line_break_in_a_one_line_field_is_refused_with_a_message(client, practice, form_data, submit_url, field):
    form_data = {**form_data, field: INJECTED, "country": "other" if field == "country_other" else form_data["country"]}
    response = client.post(submit_url(practice), form_data, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert "Este campo debe ser una sola línea" in response.content.decode()
    assert not ExchangeRequest.objects.filter(email=form_data["email"]).exists()
    assert not mail.outbox


def test_a_stored_value_with_line_breaks_cannot_start_a_line_in_the_officials_email(practice, form_data):
    exchange_request = ExchangeRequest.objects.create(
        practice=practice,
        institution=practice.institution,
        practice_title=practice.title,
        name=INJECTED,
        requester_institution="CONARE\nStatus: approved",
        requester_country=Country.objects.get(iso2="PY"),
        email=form_data["email"],
        message="Queremos aprender.\nBcc: everyone@example.org\n\nGracias.",
        formats=["call"],
        language="es",
    )
    send_new_request(exchange_request)
    bodies = [message.body for message in mail.outbox if message.to != [form_data["email"]]]
    assert bodies
    for body in bodies:
        lines = body.splitlines()
        assert not [line for line in lines if line.startswith(("Bcc:", "Status:"))], body
        assert "María Bcc: everyone@example.org" in body
        assert "    Bcc: everyone@example.org" in body  # the message's own lines, indented


def test_the_officials_email_shows_titles_and_names_as_typed_not_html_escaped(practice, form_data):
    """Plain-text mail: an «&» or an apostrophe in a title or a name reaches the reader as typed
    (it once arrived as «&amp;» and «&#x27;» in the subject)."""
    practice.title = "Registro & entrevistas d'Oeste"
    exchange_request = ExchangeRequest.objects.create(
        practice=practice,
        institution=practice.institution,
        practice_title=practice.title,
        name="O'Brien & Asociados",
        requester_country=Country.objects.get(iso2="PY"),
        email=form_data["email"],
        message="<b>Hola</b> & gracias",
        formats=["call"],
        language="es",
    )
    send_new_request(exchange_request)
    (sent, *_) = [message for message in mail.outbox if message.to != [form_data["email"]]]
    assert sent.subject.endswith(": Registro & entrevistas d'Oeste")
    assert "O'Brien & Asociados" in sent.body and "<b>Hola</b> & gracias" in sent.body
    assert "&amp;" not in sent.subject + sent.body and "&#x27;" not in sent.subject + sent.body

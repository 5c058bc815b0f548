"""The request form on practice pages: a visitor's journey, bad input, bots and floods."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from exchange.choices import RequestStatus
from exchange.forms import ExchangeRequestForm
from exchange.models import ExchangeRequest, StatusChange
from practices.models import InstitutionPage


def error_text(field: str, data: dict, language: str) -> str:
    """The message the form gives for the field, in the language (as the catalogues translate it)."""
    with translation.override(language):
        form = ExchangeRequestForm(data)
        form.is_valid()
        return str(form.errors[field][0])


def test_practice_page_shows_an_accessible_form_with_a_hidden_honeypot_and_no_per_visitor_token(
    client, practice, submit_url
):
    response = client.get(practice.get_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{submit_url(practice)}#exchange-request"' in html
    # The page is shared by every anonymous visitor through the page cache (core/pagecache.py).
    assert "csrfmiddlewaretoken" not in html and "csrftoken" not in response.cookies
    assert '<label for="exchange-name">' in html
    assert "<legend>" in html and 'id="exchange-formats_0"' in html
    assert re.search(r'<div class="exchange__hp" aria-hidden="true">\s*<label for="exchange-website">', html)
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert 'maxlength="' not in html.split('id="exchange-request"')[1]  # pasted text is never cut silently


def test_a_lesson_learned_page_has_the_form_too(client, institution):
    from practices.choices import PracticeKind
    from tests.factories import make_practice

    lesson = make_practice(institution, kind=PracticeKind.LESSON)
    assert 'id="exchange-request"' in client.get(lesson.get_url()).content.decode()


def test_a_valid_request_is_saved_for_the_original_and_mailed_to_the_institution_and_the_requester(
    client, practice, practice_in, form_data, submit_url, django_capture_on_commit_callbacks
):
    InstitutionPage.objects.filter(pk=practice.institution_id).update(email="contacto@conare.example")
    english = practice_in("en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(english, "en"), form_data)
    assert response.status_code == 303
    # Back to the form's own address with GET: a refresh sends nothing twice, and it shows what was sent.
    assert response["Location"] == submit_url(english, "en") + "?sent=1#exchange-request"

    saved = ExchangeRequest.objects.get(email="maria.perez@example.org")
    assert saved.practice_id == practice.pk  # the Spanish original, whatever tree the visitor read
    assert saved.institution_id == practice.institution_id
    assert saved.language == "en"
    assert saved.requester_country.iso2 == "PY"
    assert saved.formats == ["call", "documents"]
    assert saved.consent and saved.consent_at is not None
    assert saved.status == RequestStatus.NEW
    assert StatusChange.objects.filter(request=saved, to_status=RequestStatus.NEW, user=None).count() == 1

    to_institution = [m for m in mail.outbox if m.to != ["maria.perez@example.org"]]
    recipients = {address for m in to_institution for address in m.to}
    assert "oficial-ar@demo.example" in recipients  # the institution's official
    assert "contacto@conare.example" in recipients  # and its public contact address
    assert "oficial-mx@demo.example" not in recipients
    assert all(m.reply_to == ["maria.perez@example.org"] for m in to_institution)
    assert all(
        "Queremos conocer" in m.body and f"/admin/exchangerequest/edit/{saved.pk}/" in m.body for m in to_institution
    )
    (confirmation,) = [m for m in mail.outbox if m.to == ["maria.perez@example.org"]]
    with translation.override("en"):
        assert confirmation.subject == gettext("Your exchange request was received")
    assert "Queremos conocer" not in confirmation.body  # the visitor's text is not relayed to the address typed

    page = client.get(response["Location"])
    assert escape(
        gettext_in("en", "Your request was sent to the institution. We have sent you a confirmation by e-mail.")
    ) in (page.content.decode())


def gettext_in(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_the_visitors_language_is_kept_and_used_for_the_confirmation(
    client, practice_in, form_data, submit_url, language, django_capture_on_commit_callbacks
):
    page = practice_in(language)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(submit_url(page, language), form_data).status_code == 303
    assert ExchangeRequest.objects.get(email=form_data["email"]).language == language
    (confirmation,) = [m for m in mail.outbox if m.to == [form_data["email"]]]
    assert confirmation.subject == gettext_in(language, "Your exchange request was received")


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", ""),
        ("name", "N" * 151),
        ("requester_institution", ""),
        ("requester_institution", "I" * 201),
        ("country", ""),
        ("country", "ZZ"),
        ("country_other", "C" * 101),
        ("email", ""),
        ("email", "not-an-address"),
        ("email", "a" * 250 + "@example.org"),
        ("message", ""),
        ("message", "Muy corto"),
        ("message", "M" * 3001),
        ("formats", []),
        ("formats", ["teleport"]),
        ("consent", ""),
    ],
)
@pytest.mark.parametrize("language", ["es", "pt"])
def test_each_invalid_field_gives_its_message_and_keeps_everything_typed(
    client, practice_in, form_data, submit_url, field, value, language
):
    page = practice_in(language)
    data = {**form_data, field: value}
    if field == "country_other":
        data["country"] = "other"
    response = client.post(submit_url(page, language), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert not ExchangeRequest.objects.exists() or not ExchangeRequest.objects.filter(email=form_data["email"]).exists()
    assert not mail.outbox
    message = error_text(field, data, language)
    assert f'id="exchange-{field}-error">{escape(message)}</p>' in html
    # The error summary at the top, focused, links to the field.
    summary = html.split('id="exchange-errors"')[1].split("</div>")[0]
    assert "autofocus" in html.split('id="exchange-errors"')[0].rsplit("<div", 1)[1]
    target = f"exchange-{field}_0" if field == "formats" else f"exchange-{field}"
    assert f'href="#{target}"' in summary and escape(message) in summary
    if field != "formats":
        assert re.search(rf'aria-describedby="[^"]*exchange-{field}-error"', html)
    # Everything else the visitor typed is still there.
    for name in ("name", "requester_institution", "email"):
        if name != field:
            assert f'value="{escape(data[name])}"' in html
    if field != "message":
        assert escape(data["message"]) in html
    if field not in ("country", "country_other"):
        assert re.search(r'<option value="PY" selected>', html)
    if field != "formats":
        assert re.search(r'value="call"[^>]*checked', html) and re.search(r'value="documents"[^>]*checked', html)
    if field != "consent":
        assert re.search(r'name="consent"[^>]*checked', html)


def test_another_country_must_be_named(client, practice, form_data, submit_url):
    response = client.post(submit_url(practice), {**form_data, "country": "other", "country_other": "  "})
    assert response.status_code == 400
    assert "exchange-country_other-error" in response.content.decode()
    response = client.post(submit_url(practice), {**form_data, "country": "other", "country_other": "Canadá"})
    assert response.status_code == 303
    saved = ExchangeRequest.objects.get(email=form_data["email"])
    assert saved.requester_country is None and saved.country_display == "Canadá"


def test_a_filled_honeypot_saves_nothing_and_looks_like_success(client, practice, form_data, submit_url):
    """Same answer as a person gets: a 400 would tell the bot which field is the trap."""
    human = client.post(submit_url(practice), {**form_data, "email": "human@example.org"})
    bot = client.post(submit_url(practice), {**form_data, "email": "bot@example.org", "website": "http://spam.example"})
    assert bot.status_code == human.status_code == 303
    assert bot["Location"] == human["Location"]
    assert not ExchangeRequest.objects.filter(email="bot@example.org").exists()
    assert not [m for m in mail.outbox if "bot@example.org" in m.to + m.reply_to]


@override_settings(EXCHANGE_RATE_LIMITS={"sent": 5, "attempts": 20})
def test_an_address_is_limited_to_five_requests_an_hour(client, practice, form_data, submit_url):
    for number in range(5):
        response = client.post(submit_url(practice), {**form_data, "email": f"r{number}@example.org"})
        assert response.status_code == 303
    response = client.post(submit_url(practice), {**form_data, "email": "sixth@example.org"})
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert escape(gettext_in("es", "Too many requests from your connection")) in html
    assert 'value="sixth@example.org"' in html  # nothing typed is lost
    assert ExchangeRequest.objects.filter(email__endswith="@example.org").count() == 5
    # Another address is not affected.
    other = client.post(submit_url(practice), {**form_data, "email": "x@example.org"}, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 303


@override_settings(EXCHANGE_RATE_LIMITS={"sent": 5, "attempts": 3})
def test_invalid_attempts_are_limited_too(client, practice, form_data, submit_url):
    for _ in range(3):
        assert client.post(submit_url(practice), {**form_data, "email": "bad"}).status_code == 400
    assert client.post(submit_url(practice), form_data).status_code == 429
    assert not ExchangeRequest.objects.filter(email=form_data["email"]).exists()


def test_no_address_is_stored(client, practice, form_data, submit_url):
    client.post(submit_url(practice), form_data, REMOTE_ADDR="198.51.100.77")
    saved = ExchangeRequest.objects.get(email=form_data["email"])
    values = " ".join(str(getattr(saved, f.attname)) for f in saved._meta.concrete_fields)
    assert "198.51.100.77" not in values


def test_unknown_or_unpublished_practice_answers_404(client, practice, form_data, submit_url):
    from django.urls import reverse

    from tests.factories import make_practice

    assert client.post(reverse("exchange:submit", args=[999999999]), form_data).status_code == 404
    draft = make_practice(practice.get_parent().specific, publish=False)
    assert client.post(submit_url(draft), form_data).status_code == 404
    institution_page = practice.get_parent()
    assert client.post(submit_url(institution_page), form_data).status_code == 404
    assert not ExchangeRequest.objects.filter(email=form_data["email"]).exists()


def test_get_on_the_endpoint_shows_the_form_on_its_own_page(client, practice, submit_url):
    """What the comparison's "Request an exchange" opens; a refresh after an error never answers 405."""
    response = client.get(submit_url(practice))
    assert response.status_code == 200
    assert 'id="exchange-request"' in response.content.decode()


def test_the_form_works_without_a_csrf_token_as_on_a_cached_page(practice, form_data, submit_url):
    """The view acts on no session: CSRF would protect nothing, and a token cannot be shared."""
    from django.test import Client

    from exchange.models import ExchangeRequest

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(submit_url(practice), form_data).status_code == 303
    assert ExchangeRequest.objects.filter(email=form_data["email"]).exists()


def test_the_form_costs_the_practice_page_no_query_once_the_countries_are_cached(client, practice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(practice.get_url())
    with CaptureQueriesContext(connection) as context:
        html = client.get(practice.get_url()).content.decode()
    assert 'id="exchange-request"' in html
    assert not [
        q for q in context.captured_queries if 'FROM "practices_country"' in q["sql"] and "WHERE" not in q["sql"]
    ]


def test_a_renamed_country_shows_at_once_in_the_form(client, practice):
    from practices.taxonomy import Country

    client.get(practice.get_url())
    Country.objects.filter(iso2="PY").update(name_es="x")  # a queryset update sends no signal...
    country = Country.objects.get(iso2="PY")
    country.name_es = "República del Paraguay"
    country.save()  # ...a save in the admin does
    assert '<option value="PY">República del Paraguay</option>' in client.get(practice.get_url()).content.decode()

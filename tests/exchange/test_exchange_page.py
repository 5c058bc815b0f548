"""The exchange form's own page (issue 14): it survives a refresh, keeps what was typed, shows what
was sent and offers to ask other institutions with the details filled in; a short error summary."""

from html import escape

from exchange.models import ExchangeRequest
from practices.models import InstitutionPage
from practices.taxonomy import Topic
from tests.factories import make_practice


def test_after_an_error_the_address_opens_again_with_what_was_typed(client, practice, form_data, submit_url):
    url = submit_url(practice)
    response = client.post(url, {**form_data, "consent": ""})
    assert response.status_code == 400
    again = client.get(url)  # the visitor reloads, or comes back to the address later
    html = again.content.decode()
    assert again.status_code == 200
    assert f'value="{escape(form_data["name"])}"' in html and escape(form_data["message"]) in html
    assert 'value="maria.perez@example.org"' in html
    assert not ExchangeRequest.objects.filter(email=form_data["email"], practice=practice).exists()


def test_the_error_summary_names_the_consent_briefly(client, practice, form_data, submit_url):
    html = client.post(submit_url(practice), {**form_data, "consent": ""}).content.decode()
    summary = html.split('id="exchange-errors"')[1].split("</div>")[0]
    assert "Consentimiento:" in summary
    assert "para que pueda responderme" not in summary and ".:" not in summary


def test_after_success_it_shows_what_was_sent_and_whom_else_to_ask(
    client, institution, other_institution, form_data, submit_url
):
    # Other institutions' practices on the same topic (two of one institution), so there is someone else to ask.
    topic = Topic.objects.get(slug="digitalizacion")
    costa_rica = InstitutionPage.objects.get(locale=institution.locale, country__iso2="CR")
    for parent, title in ((other_institution, "Citas en línea"), (other_institution, "Firma electrónica")):
        make_practice(parent, title=title, topics=[topic])
    make_practice(costa_rica, title="Expediente digital", topics=[topic])
    brazil = InstitutionPage.objects.get(locale=institution.locale, country__iso2="BR")
    make_practice(brazil, title="Sobre otro tema", topics=[Topic.objects.exclude(pk=topic.pk).first()])
    make_practice(institution, title="Entrevistas grabadas", topics=[topic])
    practice = make_practice(institution, title="Entrevistas remotas", topics=[topic])
    response = client.post(submit_url(practice), form_data)
    assert response.status_code == 303
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert escape(form_data["message"]) in html and "Comisión de Refugiados del Paraguay" in html
    assert "Llamada" in html or "llamada" in html
    others = page.context["others"]
    assert others and all(other.institution_id != practice.institution_id for other in others)
    assert len({other.institution_id for other in others}) == len(others)
    assert {other.institution_id for other in others} == {other_institution.pk, costa_rica.pk}
    # Asking the next institution: the requester's details are filled in, the message is not.
    following = client.get(submit_url(others[0])).content.decode()
    assert f'value="{escape(form_data["name"])}"' in following and 'value="maria.perez@example.org"' in following
    assert escape(form_data["message"]) not in following


def test_a_refresh_of_the_sent_page_sends_nothing_again(client, practice, form_data, submit_url):
    response = client.post(submit_url(practice), form_data)
    client.get(response["Location"])
    client.get(response["Location"])
    assert ExchangeRequest.objects.filter(email=form_data["email"], practice=practice).count() == 1


def test_every_practice_page_has_the_shortcut_at_its_top(client, practice):
    html = client.get(practice.get_url()).content.decode()
    header = html.split('class="practice__header"')[1].split("</header>")[0]
    assert 'href="#exchange-request"' in header

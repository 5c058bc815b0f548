"""Six institutions are called "CONARE" and two "Comisión Nacional para los Refugiados": wherever a
name alone is ambiguous, the institution is shown with its country, in the reader's language."""

from datetime import date

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import translation
from wagtail.models import Locale

from practices.models import InstitutionPage
from tests.factories import make_practice


def test_an_institution_is_named_with_its_country_in_the_active_language(institution):
    with translation.override("es"):
        assert institution.display_name == f"{institution.title} (Argentina)"
        assert str(institution) == institution.display_name
    with translation.override("en"):
        assert institution.display_name.endswith("(Argentina)")
    brazil = InstitutionPage.objects.get(locale=institution.locale, country__iso2="BR")
    with translation.override("pt"):
        assert brazil.display_name.endswith("(Brasil)")
    with translation.override("en"):
        assert brazil.display_name.endswith("(Brazil)")


def test_institutions_with_one_name_are_told_apart_in_the_search_facet(es):
    from search.facets import FACETS

    InstitutionPage.objects.filter(locale=es, country__iso2__in=["AR", "DO"]).update(
        title="Comisión Nacional para los Refugiados"
    )
    facet = next(facet for facet in FACETS if facet.key == "institution")
    with translation.override("es"):
        labels = [option.label for option in facet.options(es)]
    assert len(labels) == len(set(labels))
    assert "Comisión Nacional para los Refugiados (Argentina)" in labels
    assert "Comisión Nacional para los Refugiados (República Dominicana)" in labels


def test_the_admin_explorer_and_page_chooser_show_the_country(client, institution):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    index = institution.get_parent()
    with translation.override("es"):
        expected = f"{institution.draft_title} (Argentina)"
    assert expected in client.get(f"/admin/pages/{index.pk}/").content.decode()
    chooser = client.get(f"/admin/choose-page/{index.pk}/").json()["html"]
    assert expected in chooser


def test_the_exchange_e_mail_names_the_institution_with_its_country(client, institution):
    from exchange.emails import send_new_request
    from exchange.models import ExchangeRequest

    practice = make_practice(institution)
    request = ExchangeRequest.objects.create(
        practice=practice,
        institution=institution,
        practice_title=practice.title,
        language="es",
        name="Ana",
        requester_institution="CONARE",
        email="ana@example.org",
        message="Quisiéramos conocer la práctica.",
        consent=True,
    )
    send_new_request(request)
    assert mail.outbox
    assert all("(Argentina)" in message.body for message in mail.outbox)


def test_the_statistics_name_institutions_with_their_country(es):
    from stats.figures import exchange_requests

    _status, institutions = exchange_requests(since=date(2000, 1, 1))
    names = [row.label for row in institutions.rows]
    assert all(name.endswith(")") for name in names)
    assert len(names) == len(set(names)) == InstitutionPage.objects.filter(locale=Locale.get_default()).count()

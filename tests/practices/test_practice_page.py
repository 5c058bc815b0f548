import pytest
from django.core.exceptions import ValidationError

from practices.models import InstitutionPage, PracticePage
from practices.taxonomy import Country, Topic
from tests.factories import make_practice


def test_country_and_institution_come_from_the_tree(institution):
    page = make_practice(institution)
    assert page.institution_id == institution.pk
    assert page.country.iso2 == "AR"


def test_moving_a_practice_updates_its_institution_and_country(institution, other_institution):
    page = make_practice(institution)
    page.move(other_institution, pos="last-child")
    page = PracticePage.objects.get(pk=page.pk)
    assert page.institution_id == other_institution.pk
    assert page.country.iso2 == "MX"


def test_the_year_it_ended_cannot_precede_the_year_it_started(institution):
    page = make_practice(institution)
    page.year_ended = page.year_started - 1
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "year_ended" in excinfo.value.message_dict


def test_the_summary_is_at_most_300_characters(institution):
    page = make_practice(institution)
    page.summary = "x" * 301
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "summary" in excinfo.value.message_dict


def test_a_joint_practice_is_listed_under_each_partner(client, institution, es):
    uruguay = Country.objects.get(iso2="UY")
    page = make_practice(institution, title="Red regional conjunta de prueba", partners=[uruguay])
    partner_page = InstitutionPage.objects.get(locale=es, country=uruguay)
    html = client.get(partner_page.get_url()).content.decode()
    assert page.title in html
    assert page.title in client.get(institution.get_url()).content.decode()


def test_a_practice_not_yet_published_is_not_listed(client, institution):
    page = make_practice(institution, title="Borrador que no debe verse", publish=False)
    assert page.title not in client.get(institution.get_url()).content.decode()
    assert client.get(page.url or "/es/instituciones/argentina/" + page.slug + "/").status_code == 404


def test_an_institution_is_unique_per_country_and_language(institution, es):
    duplicate = InstitutionPage(title="Otra", slug="otra", country=institution.country, locale=es)
    with pytest.raises(ValidationError) as excinfo:
        duplicate.validate_unique_country()
    assert "country" in excinfo.value.message_dict
    institution.validate_unique_country()  # the page itself is not a duplicate


def test_the_contact_address_is_not_in_the_page_source(client, institution):
    page = make_practice(institution, contact_name="Ana Pérez", contact_email="ana.perez@conare.example")
    html = client.get(page.get_url()).content.decode()
    assert "Ana Pérez" in html
    assert "ana.perez@conare.example" not in html
    assert "data-protected-email" in html


def test_a_view_restricted_practice_is_not_listed(client, institution):
    from wagtail.models import PageViewRestriction

    page = make_practice(institution, title="Práctica con contraseña")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secreto")
    assert page.title not in client.get(institution.get_url()).content.decode()


def test_the_home_page_counts_only_topics_of_published_practices(client, institution):
    from practices.queries import home_counts

    unused = Topic.objects.create(name="Tema sin prácticas publicadas", slug="tema-sin-practicas")
    before = home_counts(locale=institution.locale)["topics"]
    make_practice(institution, topics=[unused], publish=False)
    assert home_counts(locale=institution.locale)["topics"] == before
    make_practice(institution, topics=[unused])
    assert home_counts(locale=institution.locale)["topics"] == before + 1

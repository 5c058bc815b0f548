"""Rights hang on a permission and on the institution's link to its group, not on group names:
renaming both groups in the admin changes nothing (issue 10, "Shared state and proxies")."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision

from exchange.emails import institution_recipients
from exchange.models import ExchangeRequest
from home.demo.exchange import load_demo_requests
from practices.models import InstitutionPage
from practices.roles import ensure_groups, secretariat_group
from tests.factories import make_practice
from tests.refusals import is_refused


@pytest.fixture
def renamed(institution, settings):
    """The secretariat's and Argentina's officials' groups renamed (what the admin's group form saves)."""
    settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = True
    renames = {secretariat_group(): "Equipo de la Secretaría", institution.officials_group: "CONARE Argentina (equipo)"}
    for group, name in renames.items():
        group.name = name
        group.save()
    assert not Group.objects.filter(name__in=["Secretaría técnica", "Funcionarios AR"]).exists()


def test_the_secretariat_still_needs_two_step_verification_after_its_group_is_renamed(client, renamed):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_two_factor_setup"))


def test_an_official_still_sees_her_institutions_requests_after_the_groups_are_renamed(
    client, renamed, institution, other_institution
):
    for parent in (institution, other_institution):
        make_practice(parent)
    load_demo_requests()  # two requests for Argentina's practice, two for Mexico's
    client.force_login(get_user_model().objects.get(username="oficial-ar"))
    html = client.get(reverse("exchangerequest:index")).content.decode()
    demo = ExchangeRequest.objects.filter(is_demo=True).select_related("institution__country")
    assert demo.filter(institution__country__iso2="AR").exists()
    for exchange_request in demo:
        assert (exchange_request.name in html) == (exchange_request.institution.country.iso2 == "AR")


def test_an_official_still_receives_her_institutions_requests_after_the_groups_are_renamed(renamed, institution):
    official = get_user_model().objects.get(username="oficial-ar")
    assert official.email in [address for address, _ in institution_recipients(institution)]


def test_setting_up_the_site_again_keeps_the_renamed_groups(renamed, institution):
    before = Group.objects.count()
    ensure_groups()
    assert Group.objects.count() == before
    institution.refresh_from_db()
    assert institution.officials_group.name == "CONARE Argentina (equipo)"
    assert secretariat_group().name == "Equipo de la Secretaría"


def test_a_group_named_like_the_secretariat_gives_no_secretariat_rights(client, settings):
    """The other side: a group someone names "Secretaría técnica" is just a group."""
    settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = True
    official = get_user_model().objects.get(username="oficial-ar")
    Group.objects.filter(pk=secretariat_group().pk).update(name="Antigua secretaría")
    official.groups.add(Group.objects.create(name="Secretaría técnica"))
    client.force_login(official)
    assert client.get("/admin/pages/").status_code == 200  # no second step demanded
    assert is_refused(client.get(reverse("alerts_admin")))  # the secretariat's report


def test_publishing_a_revision_saved_before_a_relink_keeps_the_new_link(institution):
    revision = institution.save_revision()  # its content names the group linked at the time
    newer = Group.objects.create(name="Equipo nuevo")
    InstitutionPage.objects.filter(pk=institution.pk).update(officials_group=newer)
    Revision.objects.get(pk=revision.pk).publish()  # as the admin does: the revision read afresh
    institution.refresh_from_db()
    assert institution.officials_group == newer


def test_the_migration_links_the_groups_that_existed_by_name(institution, other_institution):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("practices.migrations.0007_link_existing_groups")
    secretariat = secretariat_group()
    InstitutionPage.objects.update(officials_group=None)
    secretariat.permissions.remove(*secretariat.permissions.filter(codename="review_practices"))
    assert secretariat_group() is None
    migration.link_groups(apps, None)
    assert secretariat_group() == secretariat
    for page in (institution, other_institution):
        page.refresh_from_db()
        assert page.officials_group.name == f"Funcionarios {page.country.iso2}"
    assert not InstitutionPage.objects.filter(officials_group__isnull=True).exists()

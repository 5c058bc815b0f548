from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from practices.models import InstitutionPage, PracticeIndexPage
from practices.roles import official_group_name
from practices.taxonomy import Country


def test_each_institution_has_a_group_with_rights_in_all_three_trees(db):
    for institution in InstitutionPage.objects.filter(locale=Locale.get_default()):
        group = Group.objects.get(name=official_group_name(institution.country))
        pages = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))
        versions = set(Page.objects.filter(translation_key=institution.translation_key).values_list("pk", flat=True))
        assert pages == versions and len(versions) == 3
        assert not group.permissions.filter(codename="submit_translation").exists()
        # Every language tree's page links to the group: rights follow the link, not the name.
        links = InstitutionPage.objects.filter(translation_key=institution.translation_key)
        assert set(links.values_list("officials_group", flat=True)) == {group.pk}


def test_an_institution_created_in_the_admin_gets_its_group_in_all_trees(
    client, es, django_capture_on_commit_callbacks
):
    country = Country.objects.create(iso2="XY", name_es="Estado de prueba")
    client.force_login(get_user_model().objects.get(username="admin"))
    index = PracticeIndexPage.objects.get(locale=es)
    data = nested_form_data(
        {
            "title": "Comisión de prueba",
            "slug": "comision-de-prueba",
            "country": country.pk,
            "acronym": "CP",
            "name_confirmed": "on",
            "mandate": rich_text("<p>Mandato.</p>"),
            "contact": "",
            "email": "",
            "website": "",
            "original_language": "es",
            "comments": inline_formset([]),
        }  # fmt: skip
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/add/practices/institutionpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    institution = InstitutionPage.objects.get(locale=es, country=country)
    group = Group.objects.get(name=official_group_name(country))
    granted = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))
    versions = set(Page.objects.filter(translation_key=institution.translation_key).values_list("pk", flat=True))
    assert len(versions) == 3 and granted == versions
    links = InstitutionPage.objects.filter(translation_key=institution.translation_key)
    assert set(links.values_list("officials_group", flat=True)) == {group.pk}


def test_officials_may_add_and_change_but_never_publish_delete_or_manage_users(db):
    for group in Group.objects.filter(name__startswith="Funcionarios "):
        page_rights = set(
            GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True)
        )
        assert page_rights == {"add_page", "change_page"}
        global_rights = set(group.permissions.values_list("codename", flat=True))
        assert not {c for c in global_rights if c.endswith(("_user", "_group", "_invitation", "_topic", "_country"))}


def test_the_secretariat_publishes_everywhere_and_invites_officials(db):
    from practices.roles import SECRETARIAT_GROUP

    group = Group.objects.get(name=SECRETARIAT_GROUP)
    homes = set(Page.objects.filter(depth=2).values_list("pk", flat=True))
    published = set(
        GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").values_list(
            "page_id", flat=True
        )
    )
    assert homes <= published
    rights = set(group.permissions.values_list("codename", flat=True))
    assert {"add_invitation", "view_invitation", "change_topic", "submit_translation", "review_practices"} <= rights
    assert not {c for c in rights if c.endswith(("_user", "_group"))}  # users and groups are the administrators'

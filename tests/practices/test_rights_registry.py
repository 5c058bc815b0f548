"""The rights each app declares (core/permissions.py, from its AppConfig.ready) are what the groups get."""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from core import permissions as declared
from practices.roles import ensure_secretariat_group


def _codenames(names) -> set[tuple[str, str]]:
    return {tuple(name.split(".")) for name in names}


def test_every_declared_right_names_a_permission_that_exists(db):
    for app_label, codename in _codenames(declared.official_permissions() + declared.secretariat_permissions()):
        assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists(), (
            f"{app_label}.{codename}"
        )
    for label in declared.secretariat_models():
        assert Permission.objects.filter(content_type=ContentType.objects.get_for_model(apps.get_model(label))).exists()


def test_each_app_declares_its_own_rights():
    # One line per app that gives rights: they are declared by the app, not written in practices.
    assert {
        ("exchange", "see_all_exchangerequest"),
        ("officials", "add_invitation"),
        ("stats", "view_statistics"),
        ("indexing", "view_index_health"),
    } <= _codenames(declared.secretariat_permissions())
    assert ("exchange", "change_exchangerequest") in _codenames(declared.official_permissions())
    assert {"practice_search.synonymgroup", "curation.commitment", "practices.topic"} <= set(
        declared.secretariat_models()
    )


def test_the_secretariat_gets_every_right_the_apps_declared(db):
    group = ensure_secretariat_group()
    rights = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert _codenames(declared.secretariat_permissions()) <= rights
    for label in declared.secretariat_models():
        content_type = ContentType.objects.get_for_model(apps.get_model(label))
        every = set(
            Permission.objects.filter(content_type=content_type).values_list("content_type__app_label", "codename")
        )
        assert every <= rights, label

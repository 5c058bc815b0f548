"""Links the groups that existed by name to what now identifies them: each institution page to its
officials' group ("Funcionarios XX"), and the secretariat's group ("Secretaría técnica") to the
review permission. Run once; from then on the names can change freely."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def link_groups(apps, schema_editor):
    # Permissions are created after migrations (post_migrate); this one is needed now.
    app_config = apps.get_app_config("practices")
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = previous or True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    InstitutionPage = apps.get_model("practices", "InstitutionPage")

    secretariat = Group.objects.filter(name="Secretaría técnica").first()
    if secretariat is not None:
        secretariat.permissions.add(
            Permission.objects.get(content_type__app_label="practices", codename="review_practices")
        )
    for page in InstitutionPage.objects.filter(officials_group__isnull=True).select_related("country"):
        group = Group.objects.filter(name=f"Funcionarios {page.country.iso2}").first()
        if group is not None:
            InstitutionPage.objects.filter(pk=page.pk).update(officials_group=group)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("practices", "0006_institution_officials_group_review_permission"),
    ]

    operations = [migrations.RunPython(link_groups, migrations.RunPython.noop)]

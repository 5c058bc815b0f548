"""Officials keep only edit rights on their institution's copies in the en/pt trees.

Originals are written in the Spanish tree; a page added in another tree would exist only
there (no search, statistics or language switcher). New groups get this from `roles.py`.
"""

from django.db import migrations


def drop_add_rights_outside_the_default_tree(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.order_by("pk").filter(language_code="es").first()
    if default is None:
        return
    InstitutionPage = apps.get_model("practices", "InstitutionPage")
    # The officials' groups by their link (0007), not by name: a renamed group is still one.
    groups = InstitutionPage.objects.exclude(officials_group=None).values("officials_group")
    GroupPagePermission.objects.filter(group__in=groups, permission__codename="add_page").exclude(
        page__locale=default
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_link_existing_groups"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(drop_add_rights_outside_the_default_tree, migrations.RunPython.noop)]

"""Original images uploaded before the random token (issue 10) get one: their uploaded names were
guessable. The work is `officials.private_media.rename_image_originals`, run here once on every
database and available again as `manage.py rename_image_originals` (idempotent)."""

from django.db import migrations


def rename(apps, schema_editor):
    from officials.private_media import rename_image_originals

    rename_image_originals(apps.get_model("wagtailimages", "Image"), apps.get_model("wagtailimages", "Rendition"))


class Migration(migrations.Migration):
    dependencies = [
        ("officials", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
    ]

    # Nothing to undo: the old names were the problem.
    operations = [migrations.RunPython(rename, migrations.RunPython.noop, elidable=True)]

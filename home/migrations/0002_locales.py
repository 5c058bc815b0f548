"""The three site languages from the first migration: es (default), en, pt; en and pt follow es."""

from django.db import migrations

LANGUAGES = ["es", "en", "pt"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    # Untranslated pages appear in the en/pt trees as aliases of the Spanish original,
    # so every page exists in every language and the switcher never leads nowhere.
    for code in ("en", "pt"):
        LocaleSynchronization.objects.get_or_create(locale=locales[code], defaults={"sync_from": locales["es"]})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]

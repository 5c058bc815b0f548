"""The first glossary seeded some terms in the plural (días, personas, casos, horas, personas
capacitadas, solicitantes de asilo). Since 0003 a term is written in the singular and its plural is
derived, which would make "days" → "dayses" in the glossary list. These rows say their plural is
themselves, so they keep matching exactly what they matched before (singular "caso" or "hora"
stay unprotected: "en caso de", "a la hora de"). Rows the secretariat edited are left alone."""

from django.db import migrations

PLURAL_ONLY = [
    ("días", "dias", "days"),
    ("personas", "pessoas", "people"),
    ("casos", "casos", "cases"),
    ("horas", "horas", "hours"),
    ("personas capacitadas", "pessoas capacitadas", "people trained"),
    ("solicitantes de asilo", "solicitantes de refúgio", "asylum seekers"),
]


def keep_number(apps, schema_editor):
    GlossaryTerm = apps.get_model("translation", "GlossaryTerm")
    for es, pt, en in PLURAL_ONLY:
        GlossaryTerm.objects.filter(
            term_es=es, term_pt=pt, term_en=en, plural_es="", plural_pt="", plural_en=""
        ).update(plural_es=es, plural_pt=pt, plural_en=en)


class Migration(migrations.Migration):
    dependencies = [("translation", "0004_seed_triage_and_internship")]
    operations = [migrations.RunPython(keep_number, migrations.RunPython.noop)]

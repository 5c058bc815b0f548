"""Two terms the demo's drafts got wrong (docs/translation.md, sample outputs): Apertium does not
know "triaje" or "pasantía" and passed them through marked. Only adds what is missing."""

from django.db import migrations

TERMS = [
    ("triaje", "triagem", "triage", "First sorting of applications by profile."),
    ("pasantía", "estágio", "internship", "A short stay of an official in another commission."),
]


def seed(apps, schema_editor):
    GlossaryTerm = apps.get_model("translation", "GlossaryTerm")
    known = {term.casefold() for term in GlossaryTerm.objects.values_list("term_es", flat=True)}
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(term_es=es, term_pt=pt, term_en=en, note=note) for es, pt, en, note in TERMS if es.casefold() not in known
    )


class Migration(migrations.Migration):
    dependencies = [("translation", "0003_glossary_plurals")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

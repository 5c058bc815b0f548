"""The first glossary: domain terms and indicator units the engines get wrong on their own.
Only adds terms that are missing, so the secretariat's edits survive."""

from django.db import migrations

TERMS = [
    # (Spanish, Portuguese, English, note)
    ("rezago", "acúmulo", "backlog", "Cases waiting for a decision; Apertium does not know it."),
    ("elegibilidad", "elegibilidade", "eligibility", ""),
    ("CONARE", "CONARE", "CONARE", "National refugee commission: never translated."),
    ("prima facie", "prima facie", "prima facie", "Latin, kept as is."),
    ("solicitante", "solicitante", "applicant", "Person who applied for refugee status."),
    ("solicitantes de asilo", "solicitantes de refúgio", "asylum seekers", ""),
    ("determinación de la condición de refugiado", "determinação da condição de refugiado", "refugee status determination", ""),
    ("ACNUR", "ACNUR", "UNHCR", ""),
    ("OIM", "OIM", "IOM", ""),
    ("Proceso de Quito", "Processo de Quito", "Quito Process", ""),
    ("MIRPS", "MIRPS", "MIRPS", ""),
    ("expediente", "processo", "case file", "The file of one application."),
    ("días", "dias", "days", "Indicator unit."),
    ("personas capacitadas", "pessoas capacitadas", "people trained", "Indicator unit."),
    ("personas", "pessoas", "people", "Indicator unit."),
    ("casos", "casos", "cases", "Indicator unit."),
    ("horas", "horas", "hours", "Indicator unit."),
]


def seed(apps, schema_editor):
    GlossaryTerm = apps.get_model("translation", "GlossaryTerm")
    known = {term.casefold() for term in GlossaryTerm.objects.values_list("term_es", flat=True)}
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(term_es=es, term_pt=pt, term_en=en, note=note) for es, pt, en, note in TERMS if es.casefold() not in known
    )


class Migration(migrations.Migration):
    dependencies = [("translation", "0001_glossary_queue_and_translated_text")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

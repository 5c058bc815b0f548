"""The starting thesaurus of the field's terms, in the three languages; the secretariat edits it afterwards."""

from django.db import migrations

GROUPS = {
    "Rezago / backlog": ["rezago", "backlog", "passivo", "acumulación de casos", "casos pendientes"],
    "Entrevista": ["entrevista", "interview", "entrevista de elegibilidad", "eligibility interview"],
    "Solicitud": ["solicitud", "claim", "application", "solicitação", "pedido"],
    "Información sobre país de origen": [
        "información sobre país de origen",
        "country of origin information",
        "informação sobre país de origem",
        "COI",
    ],
    "Persona refugiada": ["refugiado", "refugee", "refugiada", "persona refugiada"],
    "Solicitante": ["solicitante", "asylum seeker", "applicant", "requerente"],
    "Determinación de la condición de refugiado": [
        "determinación de la condición de refugiado",
        "refugee status determination",
        "RSD",
        "determinação da condição de refugiado",
    ],
    "Digitalización": ["digitalización", "digitalization", "digitalização", "expediente electrónico", "electronic case management"],
    "Notificación": ["notificación", "notification", "notificação"],
    "Apelación": ["apelación", "recurso", "appeal", "recurso administrativo"],
    "Capacitación": ["capacitación", "training", "capacitação", "formación"],
}


def load(apps, schema_editor):
    SynonymGroup = apps.get_model("practice_search", "SynonymGroup")
    for name, terms in GROUPS.items():
        SynonymGroup.objects.get_or_create(name=name, defaults={"terms": "\n".join(terms)})


class Migration(migrations.Migration):
    dependencies = [("practice_search", "0002_synonym_group")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

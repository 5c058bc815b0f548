"""A richer starting vocabulary of the field in the three languages (issue 13). Groups the
secretariat already has keep their terms: missing terms are appended, nothing is removed."""

from django.db import migrations

GROUPS = {
    "Rezago / backlog": [
        "rezago",
        "represamiento",
        "congestión",
        "acumulación de casos",
        "casos pendientes",
        "expedientes pendientes",
        "mora",
        "backlog",
        "pending cases",
        "passivo",
        "acúmulo",
        "estoque de processos",
        "processos pendentes",
    ],
    "Información sobre país de origen": [
        "información sobre país de origen",
        "información de país de origen",
        "country of origin information",
        "informação sobre país de origem",
        "COI",
    ],
    "Determinación de la condición de refugiado": [
        "determinación de la condición de refugiado",
        "refugee status determination",
        "determinação da condição de refugiado",
        "RSD",
        "elegibilidad",
        "eligibility",
        "elegibilidade",
    ],
    "CONARE": ["CONARE", "Comisión Nacional para los Refugiados", "Comitê Nacional para os Refugiados"],
    "ACNUR / UNHCR": ["ACNUR", "UNHCR", "Alto Comisionado de las Naciones Unidas para los Refugiados"],
    "Prima facie": [
        "prima facie",
        "reconocimiento grupal",
        "determinación grupal",
        "group-based recognition",
        "reconhecimento em bloco",
        "decisão em bloco",
    ],
    "Niñez no acompañada": [
        "niños no acompañados",
        "niñez no acompañada",
        "niñas, niños y adolescentes no acompañados",
        "unaccompanied children",
        "unaccompanied minors",
        "crianças desacompanhadas",
    ],
    "Intérpretes": ["intérprete", "interpretación", "interpreter", "interpreting", "intérprete", "interpretação"],
    "Frontera": ["frontera", "border", "fronteira"],
    "Videoconferencia": ["videoconferencia", "videollamada", "video conference", "videoconferência", "entrevista remota"],
    "Violencia de género": [
        "violencia de género",
        "violencia basada en género",
        "gender-based violence",
        "violência de gênero",
    ],
    "Asistencia jurídica": ["asistencia jurídica", "patrocinio jurídico", "legal aid", "assistência jurídica"],
    "Permiso de trabajo": ["permiso de trabajo", "permiso laboral", "work permit", "autorização de trabalho"],
    "Integración local": ["integración local", "local integration", "integração local"],
    "Digitalización": ["digitalización", "digitalization", "digitalização", "digital", "en línea", "online"],
    "Capacitación": ["capacitación", "training", "capacitação", "formación"],
    "Notificación": ["notificación", "notification", "notificação"],
}


def merge(apps, groups: dict[str, list[str]]) -> None:
    """Adds the groups; a group the secretariat already has (same name) gets the missing terms."""
    SynonymGroup = apps.get_model("practice_search", "SynonymGroup")
    for name, terms in groups.items():
        group, created = SynonymGroup.objects.get_or_create(name=name, defaults={"terms": "\n".join(terms)})
        if not created:
            existing = [line.strip() for line in group.terms.splitlines() if line.strip()]
            known = {term.casefold() for term in existing}
            group.terms = "\n".join(existing + [term for term in terms if term.casefold() not in known])
            group.save(update_fields=["terms"])


def load(apps, schema_editor):
    merge(apps, GROUPS)


class Migration(migrations.Migration):
    dependencies = [("practice_search", "0005_passage_vectors")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

"""The field's everyday vocabulary across the three languages (issue 13), where the words differ
from one language, or one country, to the next: asylum is "refugio" in Spanish-speaking
America, an eligibility officer is an "analista" in Chile, Venezuelans are "venezolanos" in
Spanish and "venezuelanos" in Portuguese. Terms match on folded stems, so one form of each word
is enough. Groups the secretariat already has keep their terms: missing terms are appended.
"""

from importlib import import_module

from django.db import migrations

GROUPS = {
    # Procedure and its people
    "Asilo / refugio": ["refugio", "asilo", "asylum", "refúgio"],
    "Procedimiento": ["procedimiento", "procedure", "procedimento", "trámite"],
    "Oficial de elegibilidad": [
        "oficial de elegibilidad",
        "analista de elegibilidad",
        "analista de refugio",
        "oficial de protección",
        "eligibility officer",
        "caseworker",
        "case officer",
        "analista de elegibilidade",
        "oficial de proteção",
    ],
    "Capacitación": ["capacitación", "training", "capacitação", "formación", "formação", "taller", "workshop"],
    "Plazo": ["plazo", "deadline", "time limit", "prazo"],
    "Presentar la solicitud": [
        "presentar la solicitud",
        "formalizar la solicitud",
        "file an application",
        "lodge an application",
        "apresentar o pedido",
        "apresentar a solicitação",
    ],
    "Extemporaneidad": [
        "extemporaneidad",
        "solicitud extemporánea",
        "late filing",
        "late application",
        "extemporaneidade",
        "pedido intempestivo",
    ],
    "Admisibilidad": ["admisibilidad", "preadmisibilidad", "admissibility", "admissibilidade"],
    "Procedimiento simplificado": [
        "procedimiento simplificado",
        "procedimiento acelerado",
        "simplified procedure",
        "accelerated procedure",
        "fast-track",
        "procedimento simplificado",
        "procedimento acelerado",
    ],
    "Aseguramiento de la calidad": [
        "aseguramiento de la calidad",
        "control de calidad",
        "quality assurance",
        "quality control",
        "garantia de qualidade",
        "controle de qualidade",
    ],
    "Sesión": ["sesión", "session", "sessão", "plenaria", "plenary"],
    "Comisión": ["comisión", "comité", "commission", "committee", "comissão", "comitê"],
    "Documento provisional": [
        "documento provisional",
        "documento de solicitante",
        "carné de solicitante",
        "provisional document",
        "asylum seeker identity document",
        "protocolo de refúgio",
        "documento provisório",
    ],
    "Fraude documental": [
        "documentos falsificados",
        "falsificación",
        "fraude documental",
        "document fraud",
        "forged documents",
        "forgery",
        "documentos falsos",
        "falsificação",
    ],
    "Abandono del trámite": ["abandono", "desistimiento", "abandonment", "desistência"],
    "Archivo de expedientes": ["archivo de expedientes", "cierre de expedientes", "case closure", "arquivamento"],
    "Firma electrónica": [
        "firma electrónica",
        "firma digital",
        "electronic signature",
        "e-signature",
        "assinatura eletrônica",
        "assinatura digital",
    ],
    "Citas": ["cita", "turno", "appointment", "agendamento"],
    "Lenguaje claro": ["lenguaje claro", "lenguaje sencillo", "plain language", "linguagem simples", "linguagem clara"],
    # Registration where people are
    "Registro móvil": [
        "registro móvil",
        "brigadas móviles",
        "equipos móviles",
        "registro itinerante",
        "mobile registration",
        "mobile teams",
        "registro móvel",
        "equipes móveis",
    ],
    "Zonas remotas": [
        "zonas remotas",
        "zonas apartadas",
        "regiones alejadas",
        "interior del país",
        "remote areas",
        "áreas remotas",
        "regiões remotas",
    ],
    "Centro de recepción": [
        "centro de recepción",
        "estación de recepción",
        "centro de acogida",
        "reception centre",
        "reception center",
        "centro de acolhida",
        "centro de recepção",
    ],
    # Protection needs and solutions
    "Salud mental": [
        "salud mental",
        "apoyo psicosocial",
        "mental health",
        "psychosocial support",
        "saúde mental",
        "apoio psicossocial",
    ],
    "Trata de personas": ["trata de personas", "human trafficking", "trata de pessoas", "tráfico de pessoas"],
    "Apatridia": ["apatridia", "apátrida", "statelessness", "stateless"],
    "Reasentamiento": ["reasentamiento", "resettlement", "reassentamento"],
    "Reunificación familiar": ["reunificación familiar", "family reunification", "reunificação familiar", "reunião familiar"],
    "Empleo": ["empleo", "empleabilidad", "employment", "emprego", "empregabilidade"],
    "Vivienda": ["alojamiento", "albergue", "vivienda", "housing", "shelter", "abrigo", "moradia"],
    "Municipios": ["municipio", "gobierno local", "municipality", "local government", "município", "prefeitura"],
    "Pueblos indígenas": [
        "pueblos indígenas",
        "lenguas indígenas",
        "indigenous peoples",
        "indigenous languages",
        "povos indígenas",
        "línguas indígenas",
    ],
    "Diversidad sexual": ["LGBTI", "diversidad sexual", "orientación sexual", "sexual orientation", "orientação sexual"],
    "Cooperación regional": [
        "cooperación regional",
        "regional cooperation",
        "cooperação regional",
        "Proceso de Quito",
        "Quito Process",
        "Processo de Quito",
        "MIRPS",
    ],
    "Intercambio entre pares": ["pasantía", "intercambio entre pares", "peer exchange", "internship", "estágio", "intercâmbio"],
    # Nationalities named differently in each language (the country's name finds its people too)
    "Venezuela": ["Venezuela", "venezolano", "venezolana", "venezuelano", "venezuelana", "Venezuelan"],
    "Haití": ["Haití", "Haiti", "haitiano", "haitiana", "Haitian"],
    "Nicaragua": ["Nicaragua", "nicaragüense", "Nicaraguan"],
    "Honduras": ["Honduras", "hondureño", "hondureña", "Honduran", "hondurenho"],
    "El Salvador": ["El Salvador", "salvadoreño", "salvadoreña", "Salvadoran", "salvadorenho"],
    "Cuba": ["Cuba", "cubano", "cubana", "Cuban"],
    "Colombia": ["Colombia", "colombiano", "colombiana", "Colombian"],
}


def load(apps, schema_editor):
    import_module("search.migrations.0006_richer_thesaurus").merge(apps, GROUPS)


class Migration(migrations.Migration):
    dependencies = [("practice_search", "0006_richer_thesaurus")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

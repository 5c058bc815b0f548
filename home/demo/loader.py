"""Loads the demonstration content. Idempotent: running it again updates instead of duplicating."""

import json
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import Locale

from meetings.models import MeetingDocument, MeetingIndexPage, MeetingPage, MeetingRelatedPractice
from practices.importing import import_practices
from practices.importing.writer import STEP, paragraphs_to_html
from practices.models import InstitutionPage, PracticePage
from practices.roles import ensure_official_group, ensure_secretariat_group
from practices.services import add_child_with_aliases, translate_page
from practices.taxonomy import Mechanism

from ..site import ensure_site_tree

DEMO_DIR = Path(__file__).resolve().parent
DEMO_OFFICIAL_COUNTRIES = ("AR", "BR", "MX", "CR")

# Demo-only credentials, printed by `make run`; load_demo refuses to create them with DEBUG off.
DEMO_USERS = [
    {"username": "admin", "password": "admin-demo-2026", "role": "superuser", "country": None},
    {"username": "secretaria", "password": "secretaria-demo-2026", "role": "secretariat", "country": None},
] + [
    {
        "username": f"oficial-{code.lower()}",
        "password": f"oficial-{code.lower()}-demo-2026",
        "role": "official",
        "country": code,
    }
    for code in DEMO_OFFICIAL_COUNTRIES
]


def load_demo(*, with_users: bool = True, stdout=None) -> dict[str, int]:
    ensure_site_tree()
    fill_institution_profiles()
    # Only what is missing: a second `make run` keeps whatever an editor changed in the demo.
    report = import_practices(DEMO_DIR / "practices.jsonl", mark_demo=True, only_new=True)
    if not report.ok:
        raise RuntimeError("Demo practices do not validate:\n" + "\n".join(str(e) for e in report.errors))
    translated = translate_demo_practices()
    create_demo_meeting()
    users = create_demo_users() if with_users else 0
    return {"created": report.created, "kept": report.skipped, "translated": translated, "users": users}


def fill_institution_profiles() -> None:
    profiles = json.loads((DEMO_DIR / "institutions.json").read_text(encoding="utf-8"))
    for institution in InstitutionPage.objects.filter(locale=Locale.get_default()).select_related("country"):
        profile = profiles.get(institution.country.iso2)
        if not profile or institution.mandate:
            continue
        institution.mandate = paragraphs_to_html(profile["mandate"])
        institution.contact = profile.get("contact", "")
        institution.email = profile.get("email", "")
        institution.website = profile.get("website", "")
        institution.save_revision().publish()


def _pairs(source, target) -> dict[str, str]:
    """Source text -> translated text, walking two values of the same shape (paragraph by paragraph)."""
    pairs = {}
    if isinstance(source, str) and isinstance(target, str):
        source_parts = [p.strip() for p in source.split("\n\n") if p.strip()]
        target_parts = [p.strip() for p in target.split("\n\n") if p.strip()]
        if len(source_parts) == len(target_parts):
            for s, t in zip(source_parts, target_parts, strict=True):
                s_lines, t_lines = s.splitlines(), t.splitlines()
                if len(s_lines) == len(t_lines) and len(s_lines) > 1:
                    for s_line, t_line in zip(s_lines, t_lines, strict=True):
                        pairs[_strip_number(s_line)] = _strip_number(t_line)
                pairs[s] = t
        pairs[source.strip()] = target.strip()
    elif isinstance(source, list) and isinstance(target, list) and len(source) == len(target):
        for s, t in zip(source, target, strict=True):
            pairs.update(_pairs(s, t))
    elif isinstance(source, dict) and isinstance(target, dict):
        for key in source.keys() & target.keys():
            pairs.update(_pairs(source[key], target[key]))
    return pairs


def _strip_number(line: str) -> str:

    match = STEP.match(line)
    return match.group(2).strip() if match else line.strip()


def translate_demo_practices() -> int:
    originals = {}
    for line in (DEMO_DIR / "practices.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            originals[record["external_id"]] = record
    translations = json.loads((DEMO_DIR / "translations.json").read_text(encoding="utf-8"))
    count = 0
    for external_id, by_language in translations.items():
        page = PracticePage.objects.filter(external_id=external_id, locale=Locale.get_default()).first()
        if page is None or not page.live:
            continue
        for code, fields in by_language.items():
            locale = Locale.objects.get(language_code=code)
            existing = page.get_translation_or_none(locale)
            if existing is not None and existing.alias_of_id is None:
                continue  # already translated; an editor may have improved it since
            strings = _pairs(originals[external_id], fields)
            strings[page.slug] = slugify(fields["title"])[:80].strip("-")
            translate_page(page, locale, strings)
            count += 1
    return count


MEETING_OBJECTIVES = """<p><b>Objetivo general:</b> visibilizar los desafíos, avances y oportunidades que las CONARE y organismos equivalentes en las Américas presentan en la gestión de solicitudes del reconocimiento de la condición de refugiado y fortalecer sus capacidades técnicas y operativas para contar con procedimientos más justos y eficientes.</p>
<p><b>Objetivos específicos:</b></p>
<ul>
<li>Generar un espacio de análisis e intercambio entre pares sobre las respuestas institucionales ante la actual realidad y los desafíos y oportunidades de los procedimientos para determinar la condición de refugiado en la región.</li>
<li>Abordar la importancia y necesidad de fortalecer la cooperación internacional, bajo el principio de responsabilidad compartida, y el apoyo a las comunidades de acogida.</li>
<li>Identificar y promover herramientas prácticas con enfoque de derechos para optimizar la gestión eficiente de los procedimientos, el abordaje integral de las necesidades de protección internacional y la mejora en el uso y producción de información sobre país de origen.</li>
<li>Avanzar en la construcción de una hoja de ruta conjunta para 2026 que permita el fortalecimiento progresivo y sostenible de las CONARE y organismos equivalentes, articulando esfuerzos entre el Proceso de Quito, el MIRPS y el Plan de Acción de Chile.</li>
</ul>"""

MEETING_AGENDA = [
    (
        date(2025, 9, 24),
        "09:00–09:30",
        "Apertura",
        "Presidencias Pro Tempore del Proceso de Quito (Ecuador) y del MIRPS (Costa Rica), con las Secretarías Técnicas.",
    ),
    (
        date(2025, 9, 24),
        "09:30–11:00",
        "Desafíos comunes de los procedimientos de determinación de la condición de refugiado",
        "Intercambio entre pares sobre acceso, rezago y procesamiento diferenciado de casos.",
    ),
    (
        date(2025, 9, 24),
        "11:30–13:00",
        "Digitalización y modernización de los sistemas de asilo",
        "Experiencias nacionales de registro en línea, gestión electrónica de expedientes y entrevistas remotas.",
    ),
    (
        date(2025, 9, 24),
        "14:30–16:30",
        "Calidad, integridad e información sobre país de origen",
        "Modelos de gestión que garantizan la calidad; uso y producción de información sobre país de origen.",
    ),
    (
        date(2025, 9, 25),
        "09:00–10:30",
        "Cooperación internacional y responsabilidad compartida",
        "Apoyo a las comunidades de acogida y articulación con el Plan de Acción de Chile.",
    ),
    (
        date(2025, 9, 25),
        "11:00–13:00",
        "Hacia una hoja de ruta conjunta 2026",
        "Trabajo en grupos y acuerdos para el fortalecimiento progresivo de las CONARE.",
    ),
]


def create_demo_meeting():

    es = Locale.get_default()
    if MeetingPage.objects.filter(locale=es, start_date=date(2025, 9, 24)).exists():
        return
    index = MeetingIndexPage.objects.get(locale=es)
    meeting = MeetingPage(
        title="Segunda Reunión Técnica Regional de las CONARE y organismos equivalentes en las Américas",
        slug="segunda-reunion-tecnica-regional-2025",
        start_date=date(2025, 9, 24),
        end_date=date(2025, 9, 25),
        place="Ciudad de Panamá, Panamá",
        summary=(
            "Reunión técnica conjunta del Proceso de Quito y del MIRPS, convocada por sus Presidencias Pro Tempore 2025 "
            "(Ecuador y Costa Rica) con el acompañamiento técnico del ACNUR, para fortalecer los sistemas nacionales de "
            "asilo de los 17 Estados miembros. Idioma de trabajo: español."
        ),
        objectives=MEETING_OBJECTIVES,
        agenda=[
            ("item", {"day": d, "time": t, "title": title, "description": text}) for d, t, title, text in MEETING_AGENDA
        ],
        locale=es,
    )
    meeting.mechanisms = list(Mechanism.objects.all())
    meeting.documents = [MeetingDocument(document=concept_note_document(), sort_order=0)]
    related = PracticePage.objects.filter(locale=es, live=True, topics__slug="eficiencia-y-rezago").distinct()[:4]
    meeting.related_practices = [MeetingRelatedPractice(practice=p, sort_order=i) for i, p in enumerate(related)]
    add_child_with_aliases(index, meeting)
    meeting.save_revision().publish()


def concept_note_document():
    from django.core.files import File
    from wagtail.documents.models import Document

    title = "Nota conceptual: Segunda Reunión Técnica Regional (2025)"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    path = DEMO_DIR / "nota-conceptual-segunda-reunion-2025.pdf"
    with open(path, "rb") as handle:
        return Document.objects.create(title=title, file=File(handle, name=path.name))


def create_demo_users() -> int:
    User = get_user_model()
    created = 0
    for spec in DEMO_USERS:
        user, was_created = User.objects.get_or_create(username=spec["username"])
        if was_created:
            user.set_password(spec["password"])
            user.email = f"{spec['username']}@demo.example"
            created += 1
        user.is_superuser = user.is_staff = spec["role"] == "superuser"
        user.save()
        if spec["role"] == "secretariat":
            user.groups.add(ensure_secretariat_group())
        elif spec["role"] == "official":
            institution = InstitutionPage.objects.get(locale=Locale.get_default(), country__iso2=spec["country"])
            user.groups.add(ensure_official_group(institution))
    return created

"""Demonstration exchange requests: four fictitious ones, for Argentina's and Mexico's practices.

Created once (never duplicated, never overwritten) and without e-mails. Spanish first, with one
request written from a Portuguese page and one from an English page.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from exchange.choices import ExchangeFormat, RequestStatus
from exchange.models import ExchangeRequest, StatusChange
from practices.models import PracticePage
from practices.taxonomy import Country

DEMO_REQUESTS = [
    {
        "country": "AR",
        "days_ago": 3,
        "status": RequestStatus.NEW,
        "name": "Lucía Fernández (ejemplo)",
        "requester_institution": "Comisión Nacional para los Refugiados (demostración)",
        "requester_country": "UY",
        "email": "lucia.fernandez@demo.example",
        "message": "Nos interesa conocer cómo organizaron el equipo y qué herramientas usaron para reducir el rezago "
        "de solicitudes. ¿Podrían compartir los protocolos internos?",
        "formats": [ExchangeFormat.CALL, ExchangeFormat.DOCUMENTS],
        "language": "es",
        "history": [],
    },
    {
        "country": "AR",
        "days_ago": 20,
        "status": RequestStatus.IN_PROGRESS,
        "name": "João Pereira (exemplo)",
        "requester_institution": "Comitê Nacional para os Refugiados (demonstração)",
        "requester_country": "BR",
        "email": "joao.pereira@demo.example",
        "message": "Gostaríamos de entender como funciona a triagem inicial dos casos e quais indicadores vocês "
        "acompanham mensalmente.",
        "formats": [ExchangeFormat.CALL],
        "language": "pt",
        "history": [
            (RequestStatus.IN_PROGRESS, "Se propuso una videollamada para la primera semana del mes próximo.", True),
        ],
    },
    {
        "country": "MX",
        "days_ago": 45,
        "status": RequestStatus.HELD,
        "name": "Ana Morales (ejemplo)",
        "requester_institution": "Oficina de Asuntos de Refugiados (demostración)",
        "requester_country": "PA",
        "email": "ana.morales@demo.example",
        "message": "Queremos aprender del registro en línea: diseño del formulario, protección de datos y cómo "
        "atienden a quienes no tienen acceso a internet.",
        "formats": [ExchangeFormat.VISIT, ExchangeFormat.DOCUMENTS],
        "language": "es",
        "history": [
            (RequestStatus.IN_PROGRESS, "Se enviaron los manuales del registro en línea.", True),
            (RequestStatus.HELD, "Visita de estudio realizada en la Ciudad de México; dos días de trabajo.", False),
        ],
    },
    {
        "country": "MX",
        "days_ago": 90,
        "status": RequestStatus.CLOSED,
        "name": "Sarah Thompson (example)",
        "requester_institution": "Refugee Eligibility Committee (demonstration)",
        "requester_country": "BZ",
        "email": "sarah.thompson@demo.example",
        "message": "We would like to learn how you trained eligibility officers for remote interviews and which "
        "safeguards you put in place.",
        "formats": [ExchangeFormat.DOCUMENTS],
        "language": "en",
        "history": [
            (RequestStatus.IN_PROGRESS, "", False),
            (RequestStatus.CLOSED, "Se compartió la guía de entrevistas remotas; la solicitante no pidió más.", True),
        ],
    },
]


def load_demo_requests() -> int:
    """Creates the demo requests if there are none yet; returns how many were created."""

    if ExchangeRequest.objects.filter(is_demo=True).exists():
        return 0
    es = Locale.get_default()
    now = timezone.now()
    created = 0
    for spec in DEMO_REQUESTS:
        practice = (
            PracticePage.objects.live()
            .filter(locale=es, country__iso2=spec["country"])
            .select_related("institution__country")
            .order_by("pk")
            .first()
        )
        if practice is None:
            continue
        received = now - timedelta(days=spec["days_ago"])
        exchange_request = ExchangeRequest.objects.create(
            practice=practice,
            practice_title=practice.title,
            institution=practice.institution,
            name=spec["name"],
            requester_institution=spec["requester_institution"],
            requester_country=Country.objects.filter(iso2=spec["requester_country"]).first(),
            email=spec["email"],
            message=spec["message"],
            formats=[str(code) for code in spec["formats"]],
            consent=True,
            consent_at=received,
            language=spec["language"],
            status=spec["status"],
            is_demo=True,
        )
        official = (
            get_user_model().objects.filter(groups__institution_pages=practice.institution).order_by("pk").first()
        )
        changes = [StatusChange(request=exchange_request, from_status="", to_status=RequestStatus.NEW)]
        previous = RequestStatus.NEW
        for status, note, sent in spec["history"]:
            changes.append(
                StatusChange(
                    request=exchange_request,
                    from_status=previous,
                    to_status=status,
                    note=note,
                    sent_to_requester=sent,
                    user=official,
                )
            )
            previous = status
        StatusChange.objects.bulk_create(changes)
        # auto_now_add cannot be set on create: dates spread over the past months, in order.
        ExchangeRequest.objects.filter(pk=exchange_request.pk).update(created_at=received)
        for step, change in enumerate(changes):
            StatusChange.objects.filter(pk=change.pk).update(created_at=received + timedelta(days=step * 5))
        created += 1
    return created

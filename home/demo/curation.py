"""Demonstration content for the curated pages: two featured selections and the 2026 roadmap.

The roadmap's commitments are examples built from the axes and objectives of the concept note of
the Second Regional Technical Meeting (Panama, September 2025); the note announces the roadmap but
does not list it, so every commitment here is marked as demonstration content. Idempotent: what
exists is kept as the secretariat left it.
"""

from datetime import date

from django.utils.text import slugify
from wagtail.models import Locale

from curation.models import (
    Commitment,
    CommitmentPractice,
    CommitmentStatus,
    FeaturedPractice,
    FeaturedSelectionIndexPage,
    FeaturedSelectionPage,
)
from practices.models import PracticePage
from practices.services import add_child_with_aliases, translate_page
from practices.taxonomy import Country, Mechanism, Topic

from ..models import HomePage

SELECTIONS = [
    {
        "topic": "eficiencia-y-rezago",
        "practices": ["demo-co-02", "demo-mx-01", "demo-cr-01", "demo-do-01", "demo-bz-01", "demo-pa-03"],
        "es": (
            "Reducción del rezago",
            "Seis respuestas de comisiones de la región ante la acumulación de solicitudes pendientes: sesiones "
            "extraordinarias, procedimientos simplificados o fusionados, planes de descongestión y una lección "
            "aprendida sobre lo que ocurre cuando el equipo de refuerzo se va.",
        ),
        "en": (
            "Reducing the backlog",
            "Six responses by the region's commissions to a growing number of pending claims: extraordinary "
            "sessions, simplified or merged procedures, backlog clearance plans and a lesson learned about what "
            "happens when the reinforcement team leaves.",
        ),
        "pt": (
            "Redução do passivo de casos",
            "Seis respostas das comissões da região ao acúmulo de solicitações pendentes: sessões extraordinárias, "
            "procedimentos simplificados ou unificados, planos de descongestionamento e uma lição aprendida sobre o "
            "que acontece quando a equipe de reforço vai embora.",
        ),
    },
    {
        "topic": "digitalizacion",
        "practices": ["demo-pe-01", "demo-mx-02", "demo-br-02", "demo-cl-03", "demo-uy-02", "demo-br-03", "demo-ar-03"],
        "es": (
            "Digitalización del procedimiento",
            "Del prerregistro en línea al expediente y la firma electrónicos, pasando por las entrevistas por "
            "videoconferencia: lo que funcionó al digitalizar el procedimiento y dos lecciones sobre lo que no.",
        ),
        "en": (
            "Digitalizing the procedure",
            "From online pre-registration to electronic case files and signatures, and interviews by video "
            "conference: what worked when digitalizing the procedure, and two lessons about what did not.",
        ),
        "pt": (
            "Digitalização do procedimento",
            "Do pré-registro on-line ao processo e à assinatura eletrônicos, passando pelas entrevistas por "
            "videoconferência: o que funcionou ao digitalizar o procedimento e duas lições sobre o que não funcionou.",
        ),
    },
]

RESPONSIBLE_SECRETARIATS = "Secretarías Técnicas del Proceso de Quito (OIM y ACNUR) y del MIRPS (OEA y ACNUR)"

# (mechanism slug or None for joint, ISO code or None for regional, es, en, pt, responsible, target, status, practices)
COMMITMENTS = [
    (
        None,
        None,
        "Mantener actualizado este repositorio con las buenas prácticas y lecciones aprendidas presentadas en la "
        "Segunda Reunión Técnica Regional.",
        "Keep this repository up to date with the good practices and lessons learned presented at the Second "
        "Regional Technical Meeting.",
        "Manter este repositório atualizado com as boas práticas e lições aprendidas apresentadas na Segunda "
        "Reunião Técnica Regional.",
        RESPONSIBLE_SECRETARIATS,
        date(2026, 3, 31),
        CommitmentStatus.IN_PROGRESS,
        [],
    ),
    (
        "mirps",
        None,
        "Aprobar el plan de trabajo 2026 del Equipo Técnico Regional sobre Recepción, Admisión y Procesamiento de "
        "Casos.",
        "Adopt the 2026 work plan of the Regional Technical Team on Reception, Admission and Case Processing.",
        "Aprovar o plano de trabalho 2026 da Equipe Técnica Regional sobre Recepção, Admissão e Processamento de "
        "Casos.",
        "Equipo Técnico Regional del MIRPS, con la Secretaría Técnica (OEA y ACNUR)",
        date(2026, 2, 27),
        CommitmentStatus.DONE,
        ["demo-gt-02", "demo-pa-02"],
    ),
    (
        "proceso-de-quito",
        None,
        "Elaborar una guía regional de estrategias de procesamiento diferenciado de casos a partir de las "
        "experiencias nacionales.",
        "Write a regional guide to differentiated case-processing strategies drawing on national experience.",
        "Elaborar um guia regional de estratégias de processamento diferenciado de casos a partir das experiências "
        "nacionais.",
        "Secretaría Técnica del Proceso de Quito (OIM y ACNUR)",
        date(2026, 6, 30),
        CommitmentStatus.PLANNED,
        ["demo-mx-01", "demo-br-01", "demo-pe-03", "demo-cr-01"],
    ),
    (
        "proceso-de-quito",
        "EC",
        "Ampliar la red regional de información sobre país de origen a todas las comisiones del Proceso de Quito.",
        "Extend the regional country of origin information network to every commission of the Quito Process.",
        "Ampliar a rede regional de informação sobre país de origem a todas as comissões do Processo de Quito.",
        "Comisión para Determinar la Condición de las Personas Refugiadas (Ecuador)",
        date(2026, 9, 30),
        CommitmentStatus.IN_PROGRESS,
        ["demo-ec-04", "demo-br-04"],
    ),
    (
        None,
        None,
        "Organizar pasantías entre pares para oficiales de elegibilidad, con al menos un intercambio entre "
        "comisiones de cada mecanismo.",
        "Organise peer secondments for eligibility officers, with at least one exchange between commissions of "
        "each mechanism.",
        "Organizar estágios entre pares para oficiais de elegibilidade, com pelo menos um intercâmbio entre "
        "comissões de cada mecanismo.",
        RESPONSIBLE_SECRETARIATS,
        date(2026, 10, 31),
        CommitmentStatus.PLANNED,
        ["demo-co-04", "demo-py-01"],
    ),
    (
        "plan-de-accion-de-chile",
        None,
        "Articular las prioridades del Programa Asilo de Calidad del Plan de Acción de Chile con esta hoja de ruta.",
        "Align the priorities of the Chile Plan of Action's Quality Asylum Programme with this roadmap.",
        "Articular as prioridades do Programa Asilo de Qualidade do Plano de Ação do Chile com este roteiro.",
        "Mecanismo de Seguimiento y Coordinación del Plan de Acción de Chile",
        date(2026, 5, 29),
        CommitmentStatus.PLANNED,
        [],
    ),
    (
        "proceso-de-quito",
        "PE",
        "Compartir con otras comisiones la experiencia de la plataforma virtual de solicitudes de refugio.",
        "Share the experience of the online asylum application platform with other commissions.",
        "Compartilhar com outras comissões a experiência da plataforma virtual de solicitações de refúgio.",
        "Comisión Especial para los Refugiados (CEPR, Perú)",
        date(2026, 4, 30),
        CommitmentStatus.IN_PROGRESS,
        ["demo-pe-01"],
    ),
    (
        "mirps",
        "GT",
        "Adoptar plazos reglamentarios para cada etapa del procedimiento de determinación de la condición de "
        "refugiado.",
        "Adopt regulatory deadlines for each stage of the refugee status determination procedure.",
        "Adotar prazos regulamentares para cada etapa do procedimento de determinação da condição de refugiado.",
        "Comisión Nacional para Refugiados (CONARE, Guatemala)",
        date(2026, 3, 31),
        CommitmentStatus.DELAYED,
        ["demo-gt-03", "demo-pa-01"],
    ),
    (
        "mirps",
        "HN",
        "Presentar para su aprobación el reglamento del procedimiento de determinación de la condición de refugiado.",
        "Submit the regulation of the refugee status determination procedure for approval.",
        "Apresentar para aprovação o regulamento do procedimento de determinação da condição de refugiado.",
        "Instituto Nacional de Migración (INM, Honduras)",
        date(2026, 6, 30),
        CommitmentStatus.DELAYED,
        ["demo-hn-02", "demo-py-02"],
    ),
    (
        "mirps",
        "CR",
        "Extender el procedimiento fusionado de registro y entrevista a otras oficinas y medir su efecto en el rezago.",
        "Extend the merged registration and interview procedure to other offices and measure its effect on the "
        "backlog.",
        "Estender o procedimento unificado de registro e entrevista a outros escritórios e medir seu efeito no "
        "passivo de casos.",
        "Comisión de Visas Restringidas y Refugio (CVRR, Costa Rica)",
        date(2026, 8, 31),
        CommitmentStatus.PLANNED,
        ["demo-cr-01"],
    ),
    (
        None,
        None,
        "Presentar un informe de avance de esta hoja de ruta en la siguiente reunión técnica regional de las CONARE.",
        "Report on progress with this roadmap at the next regional technical meeting of the CONAREs.",
        "Apresentar um relatório de andamento deste roteiro na próxima reunião técnica regional das CONAREs.",
        RESPONSIBLE_SECRETARIATS,
        date(2026, 11, 30),
        CommitmentStatus.PLANNED,
        [],
    ),
]


def load_curation_demo() -> dict[str, int]:
    selections = create_demo_selections()
    choose_home_selection(selections[0] if selections else None)
    return {"selections": len(selections), "commitments": create_demo_commitments()}


def _practices(external_ids: list[str]) -> list[PracticePage]:
    es = Locale.get_default()
    pages = {p.external_id: p for p in PracticePage.objects.filter(locale=es, external_id__in=external_ids)}
    return [pages[external_id] for external_id in external_ids if external_id in pages]


def create_demo_selections() -> list[FeaturedSelectionPage]:
    es = Locale.get_default()
    index = FeaturedSelectionIndexPage.objects.get(locale=es)
    pages = []
    for spec in SELECTIONS:
        title, intro = spec["es"]
        page = FeaturedSelectionPage.objects.filter(locale=es, slug=slugify(title)).first()
        if page is None:
            page = FeaturedSelectionPage(
                title=title,
                slug=slugify(title),
                intro=f"<p>{intro}</p>",
                topic=Topic.objects.filter(slug=spec["topic"]).first(),
                is_demo=True,
                locale=es,
            )
            page.items = [
                FeaturedPractice(practice=p, sort_order=i) for i, p in enumerate(_practices(spec["practices"]))
            ]
            add_child_with_aliases(index, page)
            page.save_revision().publish()
        for locale in Locale.objects.exclude(pk=es.pk):
            translation = page.get_translation_or_none(locale)
            if translation is None or translation.alias_of_id:
                target_title, target_intro = spec[locale.language_code]
                strings = {title: target_title, intro: target_intro, page.slug: slugify(target_title)}
                translate_page(page, locale, strings)
        pages.append(page)
    return pages


def choose_home_selection(selection: FeaturedSelectionPage | None) -> None:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None or selection is None or home.featured_selection_id:
        return
    home.featured_selection = selection
    home.save_revision().publish()


def create_demo_commitments() -> int:
    if Commitment.objects.filter(year=2026, is_demo=True).exists():
        return 0
    mechanisms = {m.slug: m for m in Mechanism.objects.all()}
    countries = {c.iso2: c for c in Country.objects.all()}
    for mechanism, country, es, en, pt, responsible, target, status, practice_ids in COMMITMENTS:
        commitment = Commitment(
            year=2026,
            mechanism=mechanisms.get(mechanism) if mechanism else None,
            country=countries.get(country) if country else None,
            action_es=es,
            action_en=en,
            action_pt=pt,
            responsible=responsible,
            target_date=target,
            status=status,
            is_demo=True,
        )
        commitment.practice_links = [
            CommitmentPractice(practice=p, sort_order=i) for i, p in enumerate(_practices(practice_ids))
        ]
        commitment.save()
    return len(COMMITMENTS)

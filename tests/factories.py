"""Factories for test data: practices are built the way an editor builds them (in the tree, published)."""

import datetime
from dataclasses import dataclass

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from home.demo.curation import COMMITMENTS, SELECTIONS, load_curation_demo
from meetings.models import MeetingDocument, MeetingIndexPage, MeetingPage, MeetingRelatedPractice
from practices.choices import PracticeKind, PracticeStatus
from practices.models import InstitutionPage, PracticeDocument, PracticePage, ResultIndicator
from practices.services import translate_page
from practices.taxonomy import Mechanism, ProcedureStage, Topic


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Práctica de prueba {n}")
    kind = PracticeKind.PRACTICE
    summary = "Resumen de prueba de una práctica."
    problem = "<p>Un problema de prueba.</p>"
    status = PracticeStatus.IMPLEMENTED
    year_started = 2022

    class Meta:
        model = PracticePage


def make_practice(
    parent,
    *,
    topics=(),
    stages=(),
    partners=(),
    mechanisms=(),
    results=0,
    documents=0,
    publish=True,
    aliases=False,
    **fields,
):
    """A practice under `parent` (an institution page) with the given numbers of related rows.

    With `aliases`, also its aliases in the other language trees, as the importer and the editor
    create them (an untranslated practice shows there in its original language)."""
    page = PracticePageFactory.build(**fields)
    page.locale = parent.locale
    page.live = False  # published below, through a revision, as the editor does
    page.topics.set(list(topics))
    page.stages = list(stages)
    page.partners = list(partners)
    page.mechanisms = list(mechanisms)
    page.results = [
        # sort_order given: rows sharing one would come back in any order (as the editor numbers them).
        ResultIndicator(
            indicator=f"Indicador {i}", baseline=100 + i, result=50 + i, unit="días", locale=parent.locale, sort_order=i
        )
        for i in range(results)
    ]
    page.attachments = [
        PracticeDocument(
            document=Document.objects.create(
                title=f"Documento {i}", file=ContentFile(b"%PDF-1.4 test", name=f"doc{i}.pdf")
            ),
            sort_order=i,
        )
        for i in range(documents)
    ]
    parent.add_child(instance=page)
    if aliases:
        create_aliases_for_new_page(page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def translate(page, language: str, **fields):
    """The real translation of `page` into `language` (through wagtail-localize, as the
    translation editor saves it), with `fields` (title, summary…) translated; published."""
    strings = {getattr(page, name): value for name, value in fields.items()}
    strings.setdefault(page.slug, slugify(fields.get("title", page.slug))[:80])
    return translate_page(page, Locale.objects.get(language_code=language), strings).specific


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Reunión de prueba {n}")
    start_date = datetime.date(2026, 5, 10)
    end_date = datetime.date(2026, 5, 11)
    place = "Quito, Ecuador"
    summary = "Resumen de prueba de una reunión."

    class Meta:
        model = MeetingPage


def make_meeting(locale, *, mechanisms=(), related=(), documents=0, publish=True, **fields):
    """A meeting under the meetings index of `locale`'s tree, linked to the given practices."""
    index = MeetingIndexPage.objects.get(locale=locale)
    page = MeetingPageFactory.build(**fields)
    page.locale = locale
    page.live = False
    page.mechanisms = list(mechanisms)
    page.related_practices = [MeetingRelatedPractice(practice=p, sort_order=i) for i, p in enumerate(related)]
    page.documents = [
        MeetingDocument(
            document=Document.objects.create(
                title=f"Documento de la reunión {i}", file=ContentFile(b"%PDF-1.4 test", name=f"reunion{i}.pdf")
            ),
            sort_order=i,
        )
        for i in range(documents)
    ]
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


# What a corpus practice is about, cycled: words the search, the feeds and the topic pages can find.
SUBJECTS = [
    ("Plan contra el rezago", "Un plan para reducir el rezago de solicitudes pendientes."),
    ("Registro en línea", "El prerregistro en línea de las personas solicitantes."),
    ("Entrevistas por videoconferencia", "Entrevistas de elegibilidad a distancia con garantías."),
    ("Expediente electrónico", "El expediente y la firma electrónicos del procedimiento."),
    ("Información sobre país de origen", "Una red de información sobre país de origen compartida."),
    ("Capacitación de oficiales", "Formación continua de las oficiales de elegibilidad."),
    ("Procedimiento simplificado", "Casos manifiestamente fundados resueltos con menos pasos."),
]


@dataclass
class Corpus:
    """What `make_corpus` built, Spanish originals in the order they were made."""

    practices: list[PracticePage]  # every original, drafts included
    published: list[PracticePage]
    drafts: list[PracticePage]
    translated: list[PracticePage]  # originals with real English and Portuguese translations


def demo_curation_practice_ids() -> list[str]:
    """The external ids the demo's selections and roadmap link to (home/demo/curation.py), in order."""
    ids = [external_id for spec in SELECTIONS for external_id in spec["practices"]]
    ids += [external_id for *_, practice_ids in COMMITMENTS for external_id in practice_ids]
    return list(dict.fromkeys(ids))


def make_corpus(size: int = 30, *, aliases: bool = True, translations: int = 3, curation: bool = False) -> Corpus:
    """A small repository spread over every country, topic, stage, kind, status, mechanism and a
    decade of start years, published over three years (so feeds, months and filters have something
    to sort and tell apart), with a draft every eleventh practice.

    Its first practices carry the external ids the demo's selections and roadmap link to (each in
    its country's institution; demo-hn-02 a draft, as in the demo); with `curation`, those are then
    built by the demo's own loader (home/demo/curation.py): the two selections in three languages,
    the home page's choice and the eleven 2026 commitments. `aliases` also puts each practice in
    the en/pt trees untranslated; the first `translations` published ones get real translations.

    Slow enough (about 0.2 s a practice) to build once per module: see the `module_db` fixture."""
    es = Locale.objects.get(language_code="es")
    institutions = {
        page.country.iso2: page
        for page in InstitutionPage.objects.filter(locale=es).select_related("country").order_by("country__iso2")
    }
    countries = list(institutions)
    partner_countries = [page.country for page in institutions.values()]
    topics = list(Topic.objects.order_by("pk"))
    stages = list(ProcedureStage.objects.order_by("pk"))
    mechanisms = list(Mechanism.objects.order_by("pk"))
    statuses = list(PracticeStatus.values)
    named = demo_curation_practice_ids()
    now = timezone.now()
    corpus = Corpus([], [], [], [])
    for i in range(size):
        external_id = named[i] if i < len(named) else f"corpus-{i:03d}"
        country = external_id.split("-")[1].upper() if i < len(named) else countries[i % len(countries)]
        subject, summary = SUBJECTS[i % len(SUBJECTS)]
        publish = external_id != "demo-hn-02" and i % 11 != 10
        page = make_practice(
            institutions[country],
            title=f"{subject} ({country}, {i})",
            summary=summary,
            external_id=external_id,
            kind=PracticeKind.LESSON if i % 4 == 3 else PracticeKind.PRACTICE,
            status=statuses[i % len(statuses)],
            year_started=2015 + i % 10,
            topics=[topics[i % len(topics)]] + ([topics[(i * 5 + 3) % len(topics)]] if i % 3 == 0 else []),
            stages=[stages[i % len(stages)]],
            # Every fourth with a partner country, the countries in turn from Argentina on.
            partners=[partner_countries[(i // 4) % len(countries)]] if i % 4 == 0 else [],
            mechanisms=[mechanisms[i % len(mechanisms)]],
            results=i % 3,
            publish=publish,
            aliases=aliases,
        )
        corpus.practices.append(page)
        if not publish:
            corpus.drafts.append(page)
            continue
        # Published over three years, newest first in the order they were made.
        published_at = now - datetime.timedelta(days=19 * i)
        PracticePage.objects.filter(pk=page.pk).update(first_published_at=published_at)
        page.first_published_at = published_at
        corpus.published.append(page)
    for page in corpus.published[:translations]:
        for language in ("en", "pt"):
            translate(page, language, title=f"{page.title} [{language}]")
        corpus.translated.append(page)
    if curation:
        load_curation_demo()
    return corpus

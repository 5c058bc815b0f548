"""Factories for test data: practices are built the way an editor builds them (in the tree, published)."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from meetings.models import MeetingDocument, MeetingIndexPage, MeetingPage, MeetingRelatedPractice
from practices.choices import PracticeKind, PracticeStatus
from practices.models import PracticeDocument, PracticePage, ResultIndicator
from practices.services import translate_page


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
    parent, *, topics=(), stages=(), partners=(), results=0, documents=0, publish=True, aliases=False, **fields
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

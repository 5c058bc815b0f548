"""Factories for test data: practices are built the way an editor builds them (in the tree, published)."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from practices.choices import PracticeKind, PracticeStatus
from practices.models import PracticeDocument, PracticePage, ResultIndicator


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Práctica de prueba {n}")
    kind = PracticeKind.PRACTICE
    summary = "Resumen de prueba de una práctica."
    problem = "<p>Un problema de prueba.</p>"
    status = PracticeStatus.IMPLEMENTED
    year_started = 2022

    class Meta:
        model = PracticePage


def make_practice(parent, *, topics=(), stages=(), partners=(), results=0, documents=0, publish=True, **fields):
    """A practice under `parent` (an institution page) with the given numbers of related rows."""
    page = PracticePageFactory.build(**fields)
    page.locale = parent.locale
    page.live = False  # published below, through a revision, as the editor does
    page.topics.set(list(topics))
    page.stages = list(stages)
    page.partners = list(partners)
    page.results = [
        ResultIndicator(indicator=f"Indicador {i}", baseline=100 + i, result=50 + i, unit="días", locale=parent.locale)
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
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page

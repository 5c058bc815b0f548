"""Keep the cached facet options in step with the vocabularies and institution pages, and a
practice's passage vectors (search/semantic.py) in step with what is published."""

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from practices.models import InstitutionPage, PracticePage
from practices.taxonomy import Country, Mechanism, ProcedureStage, Topic

from .facets import invalidate_options
from .models import SynonymGroup
from .semantic import index_practices, remove_practices
from .thesaurus import invalidate_thesaurus

WATCHED = (Country, Mechanism, ProcedureStage, Topic, InstitutionPage)


@receiver(post_save)
@receiver(post_delete)
def vocabulary_changed(sender, **kwargs):
    if sender in WATCHED:
        invalidate_options()
    elif sender is SynonymGroup:
        invalidate_thesaurus()


@receiver(page_published)
def practice_published(sender, instance, **kwargs):
    if issubclass(sender, PracticePage):
        try:
            index_practices([instance])
        except Exception:  # publishing must succeed; `manage.py embed_practices` catches up
            logging.getLogger(__name__).exception("Could not embed practice %s", instance.pk)


@receiver(page_unpublished)
def practice_unpublished(sender, instance, **kwargs):
    if issubclass(sender, PracticePage):
        remove_practices([instance.pk])

"""Keep the cached facet options in step with the vocabularies and institution pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from practices.models import InstitutionPage
from practices.taxonomy import Country, Mechanism, ProcedureStage, Topic

from .facets import invalidate_options
from .models import SynonymGroup
from .thesaurus import invalidate_thesaurus

WATCHED = (Country, Mechanism, ProcedureStage, Topic, InstitutionPage)


@receiver(post_save)
@receiver(post_delete)
def vocabulary_changed(sender, **kwargs):
    if sender in WATCHED:
        invalidate_options()
    elif sender is SynonymGroup:
        invalidate_thesaurus()

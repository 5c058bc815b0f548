"""Keep what derives from a page in step with it: a moved practice's institution and country,
the translations of a published original that nobody reviews, and the cached country names."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Workflow, WorkflowPage
from wagtail.signals import page_published, post_page_move

from .models import InstitutionPage, PracticePage
from .services import publish_translations_of
from .taxonomy import COUNTRY_NAMES_CACHE_KEY, INDICATOR_TYPES_CACHE_KEY, Country, IndicatorType
from .workflow_lookup import forget_assigned_workflows


@receiver([post_save, post_delete], sender=Country, dispatch_uid="practices-country-names")
def forget_country_names(**kwargs):
    cache.delete(COUNTRY_NAMES_CACHE_KEY)


@receiver([post_save, post_delete], sender=IndicatorType, dispatch_uid="practices-indicator-type-slugs")
def forget_indicator_type_slugs(**kwargs):
    cache.delete(INDICATOR_TYPES_CACHE_KEY)


# The cached assignments of workflows (workflow_lookup.py) hold page paths: a move changes them.
post_save.connect(forget_assigned_workflows, sender=Workflow, dispatch_uid="practices-workflows-saved")
post_delete.connect(forget_assigned_workflows, sender=Workflow, dispatch_uid="practices-workflows-deleted")
post_save.connect(forget_assigned_workflows, sender=WorkflowPage, dispatch_uid="practices-workflow-pages-saved")
post_delete.connect(forget_assigned_workflows, sender=WorkflowPage, dispatch_uid="practices-workflow-pages-deleted")
post_page_move.connect(forget_assigned_workflows, dispatch_uid="practices-workflow-pages-moved")


@receiver(post_page_move)
def resync_moved_practice(sender, instance, **kwargs):
    if not issubclass(sender, PracticePage):
        return
    page = PracticePage.objects.get(pk=instance.pk)
    old = (page.institution_id, page.country_id)
    page.sync_place_in_tree()
    if (page.institution_id, page.country_id) != old:
        # A save, not a queryset update: Wagtail re-indexed the page while it still carried the
        # old institution and country, and only a model save tells the search backends (every
        # one, Elasticsearch included) to index it again with the new ones.
        page.save(update_fields=["institution", "country"], clean=False)


# A signal rather than the `after_publish_page` hook: the hook runs only for the editor's
# "Publish" button, and scheduled publishing would be missed.
@receiver(page_published)
def publish_translations_with_their_original(sender, instance, revision=None, **kwargs):
    """A featured selection, topic page, roadmap or home page published in Spanish is published
    in en/pt the same day, without the secretariat ticking "Publish immediately" in a sync.

    Not institution and practice pages: their translations are officials' work that the
    secretariat reviews on its own (workflow "Revisión de la Secretaría"), never published
    behind their back.
    """
    if instance.alias_of_id or instance.locale_id != Locale.get_default().pk:
        return
    if isinstance(instance, (InstitutionPage, PracticePage)):
        return
    user = getattr(revision, "user", None)
    # After the original's own transaction, like wagtail-localize's sync: its translations read
    # the original as published.
    transaction.on_commit(lambda: publish_translations_of(instance, user=user))

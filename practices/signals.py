"""Keep a practice's derived institution and country in step when it is moved in the tree, and the
cached country names in step with the reference data."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import PracticePage
from .taxonomy import COUNTRY_NAMES_CACHE_KEY, Country


@receiver([post_save, post_delete], sender=Country, dispatch_uid="practices-country-names")
def forget_country_names(**kwargs):
    cache.delete(COUNTRY_NAMES_CACHE_KEY)


@receiver(post_page_move)
def resync_moved_practice(sender, instance, **kwargs):
    if not issubclass(sender, PracticePage):
        return
    page = PracticePage.objects.get(pk=instance.pk)
    old = (page.institution_id, page.country_id)
    page.sync_place_in_tree()
    if (page.institution_id, page.country_id) != old:
        PracticePage.objects.filter(pk=page.pk).update(institution_id=page.institution_id, country_id=page.country_id)

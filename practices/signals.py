"""Keep a practice's derived institution and country in step when it is moved in the tree."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import PracticePage


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

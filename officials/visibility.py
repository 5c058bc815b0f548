"""What an official may see of other institutions' pages in the admin: what is published.

Wagtail's explorer, page search, admin API and reports already keep to the pages a user has
rights on (and their ancestors). The page chooser does not: it lists every page, drafts
included, so that editors can link anywhere. Officials keep linking to any published page,
but no longer see other institutions' unpublished titles there. A published page with pending
changes is left out too: the chooser shows the latest draft's title, which may be unpublished.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import policy_registry


def sees_every_page(user) -> bool:
    return user.is_superuser or policy_registry.get_by_type(Page).user_has_permission(user, "publish")


def chooser_pages_for(user, pages):
    if sees_every_page(user):
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(user).values_list("pk", flat=True)
    visible = Page.objects.filter(Q(live=True, has_unpublished_changes=False) | Q(pk__in=explorable))
    # pk__in, not the fields themselves: the chooser's search runs this through the search backend.
    return pages.filter(pk__in=visible.values_list("pk", flat=True))

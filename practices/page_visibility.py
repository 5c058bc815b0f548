"""Which pages a user may see in the admin: the page rule of `officials/visibility.py` (one
visibility rule per kind), kept here because the page forms of this app apply it to rich-text
links (`page_forms.py`) and practices imports nothing from officials.

Those who publish (the secretariat, administrators) see every page. Anyone else sees the pages
she has rights on (and their ancestors), and other pages only while they are live without
pending changes: the admin shows a page's latest draft title, which may be unpublished.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import policy_registry


def sees_every_page(user) -> bool:
    return user.is_superuser or policy_registry.get_by_type(Page).user_has_permission(user, "publish")


def visible_pages(user, pages):
    if sees_every_page(user):
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(user).values_list("pk", flat=True)
    visible = Page.objects.filter(Q(live=True, has_unpublished_changes=False) | Q(pk__in=explorable))
    # pk__in, not the fields themselves: the chooser's search runs this through the search backend.
    return pages.filter(pk__in=visible.values_list("pk", flat=True))

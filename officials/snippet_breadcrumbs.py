"""The first breadcrumb of every snippet listing ("Home") in the admin user's language.

Wagtail 8.0's `SnippetViewSet.breadcrumbs_items` (wagtail/snippets/views/snippets.py) builds its
labels with `gettext`, not `gettext_lazy`, and is read once, when the admin's URLs are built, that
is during the first request a worker serves. Every snippet view of that worker then shows "Home"
(and "Snippets") in the first visitor's language: after an English request, the secretariat's
Spanish and Portuguese admin read "Home" on the vocabularies' listings. The other generic views
use lazy labels (wagtail/admin/views/generic/base.py). Until Wagtail makes these lazy, this one
place replaces the property with the same breadcrumbs in lazy labels (translated when rendered);
`tests/home/test_admin_language.py` checks the result."""

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet


def lazy_breadcrumbs_items(viewset):
    breadcrumbs = [{"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")}]
    # The same rule as Wagtail's property: the "Snippets" step only when snippets have a menu.
    if getattr(settings, "WAGTAILSNIPPETS_MENU_SHOW_ALL", False) or not viewset.get_menu_item_is_registered():
        breadcrumbs.append({"url": reverse_lazy("wagtailsnippets:index"), "label": _("Snippets")})
    return breadcrumbs


def install():
    SnippetViewSet.breadcrumbs_items = property(lazy_breadcrumbs_items)

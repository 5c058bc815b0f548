"""Telling editors when the search index lags behind (indexing/queue.py), and the health page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import queue, views


def waiting_message(count: int) -> str:
    return ngettext(
        "Search engine unreachable: %(count)s change waiting to be indexed. "
        "It is published; search will find it once the engine answers again.",
        "Search engine unreachable: %(count)s changes waiting to be indexed. "
        "They are published; search will find them once the engine answers again.",
        count,
    ) % {"count": count}


class IndexQueuePanel(Component):
    """On the admin dashboard of every editor, only while changes wait."""

    name = "index_queue"
    order = 50
    template_name = "indexing/index_queue_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context):
        return {"message": waiting_message(self.count)}


@hooks.register("construct_homepage_panels")
def add_index_queue_panel(request, panels):
    count = queue.pending_count()
    if count:
        panels.append(IndexQueuePanel(count))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_the_index_lags(request, page):
    """Right after a save or publish that the engine did not take, the editor reads why search misses it."""
    count = queue.pending_count()
    if count:
        messages.warning(request, waiting_message(count))


@hooks.register("register_admin_urls")
def register_index_health_url():
    return [path("index-health/", views.index_health, name="index_health")]


class IndexHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_index_health(request.user)


@hooks.register("register_reports_menu_item")
def register_index_health_menu_item():
    return IndexHealthMenuItem(_("Search index health"), reverse("index_health"), icon_name="search", order=900)

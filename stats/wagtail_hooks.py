"""The dashboard in the admin menu (for those who may read it) and the practice view counter."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core import pagecache
from practices.models import PracticePage

from . import counter, views


@hooks.register("register_admin_urls")
def register_stats_urls():
    return [path("statistics/", views.dashboard, name="stats_dashboard")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_stats_menu_item():
    return StatisticsMenuItem(_("Statistics"), reverse("stats_dashboard"), icon_name="table", order=260)


# Ordered last, so it wraps the page's own serve() innermost: Wagtail's privacy check (an
# on_serve_page hook too, answering 200 with a password form) runs outside it.
@hooks.register("on_serve_page", order=1000)
def count_practice_views(serve_next):
    """Counts a practice page that was actually served, with 200."""

    def serve(page, request, serve_args, serve_kwargs):
        response = serve_next(page, request, serve_args, serve_kwargs)
        if response.status_code == 200 and counter.should_count(page, request):
            counter.record_view(page.pk)
        if response.status_code == 200 and isinstance(page, PracticePage):
            # Whoever rendered it, each later visitor served from the cache is counted (bots left out).
            pagecache.replay_on_hit(request, "stats.counter.count_cached_view", page_id=page.pk)
        return response

    return serve

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("search-alerts/", admin_views.index, name="alerts_admin")]


class AlertsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_alerts(request.user)


@hooks.register("register_reports_menu_item")
def register_alerts_menu_item():
    return AlertsMenuItem(_("Followed searches"), reverse("alerts_admin"), icon_name="mail", order=900)

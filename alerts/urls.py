from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "alerts"
# Only single words are translated: a translator never has to keep a <converter> intact.
urlpatterns = [
    path("", views.follow, name="follow"),
    path(format_lazy("{}/", _("subscribe")), views.subscribe, name="subscribe"),
    path(format_lazy("{}/", _("check-your-email")), views.sent, name="sent"),
    path(format_lazy("{}/<str:signed>/", _("confirm")), views.confirm, name="confirm"),
    path(format_lazy("{}/<str:token>/", _("unsubscribe")), views.unsubscribe, name="unsubscribe"),
    path(format_lazy("{}/<str:token>/one-click/", _("unsubscribe")), views.one_click, name="one_click"),
]

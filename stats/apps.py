from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import permissions


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The dashboard shows figures about every institution, so it is the secretariat's only.
        permissions.declare(secretariat=["stats.view_statistics"])

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficialsConfig(AppConfig):
    name = "officials"
    verbose_name = _("Officials and review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import workflow_names  # noqa: F401 - connects the name translation

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import permissions


class CurationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "curation"
    verbose_name = _("Curation")

    def ready(self):
        # The secretariat keeps the roadmap's commitments (a snippet).
        permissions.declare(secretariat_models=["curation.commitment"])

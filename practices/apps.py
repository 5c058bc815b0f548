from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import permissions


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The secretariat edits the reference vocabularies (the snippets under *Reference data*).
        permissions.declare(
            secretariat_models=[
                f"practices.{model}"
                for model in ("topic", "keyword", "country", "mechanism", "procedurestage", "indicatortype")
            ]
        )
        # In ready(): Django imports models and signal receivers only once the app registry is ready.
        from . import signals  # noqa: F401 (connects the receivers)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndexingConfig(AppConfig):
    name = "indexing"
    verbose_name = _("Search index upkeep")
    default_auto_field = "django.db.models.BigAutoField"

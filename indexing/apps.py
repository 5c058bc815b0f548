from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import permissions


class IndexingConfig(AppConfig):
    name = "indexing"
    verbose_name = _("Search index upkeep")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The search index health page: whether search finds what is published.
        permissions.declare(secretariat=["indexing.view_index_health"])

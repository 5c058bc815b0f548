from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import permissions


class SearchConfig(AppConfig):
    name = "search"
    label = "practice_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The secretariat keeps the thesaurus (synonym groups, a snippet).
        permissions.declare(secretariat_models=["practice_search.synonymgroup"])
        # In ready(): Django imports models and signal receivers only once the app registry is ready.
        from . import signals  # noqa: F401 (connects the receivers)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import permissions


class OfficialsConfig(AppConfig):
    name = "officials"
    verbose_name = _("Officials and review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Inviting officials: an account limited to one institution, never user management.
        permissions.declare(secretariat=["officials.add_invitation", "officials.view_invitation"])
        # In ready(): Django imports models and signal receivers only once the app registry is ready.
        from . import snippet_breadcrumbs, workflow_names  # noqa: F401 - workflow_names connects the name translation

        # Before the admin's URLs are built (the first request): Wagtail reads the property then.
        snippet_breadcrumbs.install()

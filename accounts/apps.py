from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Account security")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # In ready(): Django imports models and signal receivers only once the app registry is ready.
        from . import signals  # noqa: F401 (connects the receivers)

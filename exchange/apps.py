from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import permissions


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Peer exchange")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Officials see and answer their institution's requests; the secretariat all of them.
        answer = ["exchange.view_exchangerequest", "exchange.change_exchangerequest"]
        permissions.declare(
            officials=answer,
            secretariat=[*answer, "exchange.delete_exchangerequest", "exchange.see_all_exchangerequest"],
        )
        # In ready(): Django imports models and signal receivers only once the app registry is ready.
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401
        from .models import ExchangeRequest
        from .permissions import ExchangeRequestPermissionPolicy

        # Registered before the admin viewset asks, so every admin view checks rows by institution.
        register_permission_policy(ExchangeRequest, ExchangeRequestPermissionPolicy(ExchangeRequest), exact_class=True)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintsheetConfig(AppConfig):
    name = "printsheet"
    verbose_name = _("Printable case sheets")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import pagecache  # imports no model: safe before the registry is ready


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers are connected once the apps are loaded: any content write (commands
        # too) forgets the cached public pages.
        pagecache.connect()

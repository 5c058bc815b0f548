from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import pagecache  # imports no model: safe before the registry is ready


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers are connected once the apps are loaded: any content write (commands
        # too) forgets the cached public pages.
        pagecache.connect()

        from .navigation import forget_navigation  # imports models: only once they are loaded

        # The navigation's addresses are cached (home/navigation.py): a section published,
        # withdrawn or moved is seen at once.
        page_published.connect(forget_navigation, dispatch_uid="home.navigation.published")
        page_unpublished.connect(forget_navigation, dispatch_uid="home.navigation.unpublished")
        post_page_move.connect(forget_navigation, dispatch_uid="home.navigation.moved")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .navigation import forget_navigation

        # The navigation's addresses are cached (home/navigation.py): a section published,
        # withdrawn or moved is seen at once.
        page_published.connect(forget_navigation, dispatch_uid="home.navigation.published")
        page_unpublished.connect(forget_navigation, dispatch_uid="home.navigation.unpublished")
        post_page_move.connect(forget_navigation, dispatch_uid="home.navigation.moved")

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .policy import can_unlock_accounts


@hooks.register("register_admin_urls")
def register_account_security_urls():
    return [path("account-security/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-step verification"),
        "help_text": _("Protect your account with a code from an authenticator app on your phone."),
    }


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock_accounts(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Locked accounts"), reverse("accounts_lockouts"), icon_name="lock", order=650)

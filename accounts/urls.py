"""Admin URLs (registered under /admin/ by wagtail_hooks, so Wagtail's admin-access check applies)."""

from django.urls import path

from . import views

urlpatterns = [
    path("two-factor/", views.manage, name="accounts_two_factor"),
    path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
    path("two-factor/setup/", views.setup, name="accounts_two_factor_setup"),
    path("two-factor/recovery-codes/", views.new_recovery_codes, name="accounts_two_factor_recovery_codes"),
    path("two-factor/disable/", views.disable, name="accounts_two_factor_disable"),
    path("locked-accounts/", views.lockouts, name="accounts_lockouts"),
]

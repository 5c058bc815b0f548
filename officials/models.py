"""An invitation for an institution's official: who invited whom, for which institution, when used."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

INVITATION_LANGUAGES = [("es", "Español"), ("en", "English"), ("pt-br", "Português")]


class Invitation(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("official"), on_delete=models.CASCADE, related_name="invitation"
    )
    institution = models.ForeignKey(
        "practices.InstitutionPage",
        verbose_name=_("institution"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10, choices=INVITATION_LANGUAGES, default="es")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.user.email

    @admin.display(description=_("name"))
    def user_name(self) -> str:
        return self.user.get_full_name()

    @admin.display(description=_("state"))
    def state(self) -> str:
        if self.accepted_at:
            return _("Accepted")
        return _("Pending")

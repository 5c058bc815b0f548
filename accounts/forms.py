from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


class VerifyForm(CodeForm):
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=20,
        strip=True,
        widget=CodeForm.base_fields["code"].widget,
    )


class UnlockForm(forms.Form):
    attempt = forms.IntegerField(widget=forms.HiddenInput)


class LiftGuardForm(forms.Form):
    guarded = forms.CharField(max_length=150, widget=forms.HiddenInput)


class LoginForm(WagtailLoginForm):
    """Wagtail 8's log-in form, whose password field has no label and so shows "Password" untranslated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

"""The public "Follow this search" form: an e-mail address, the search (hidden) and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import SingleLineField

from .models import EMAIL_MAX, QUERY_MAX

HONEYPOT = "website"


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=EMAIL_MAX,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, such as name@example.org."),
            "max_length": _("This e-mail address is too long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    query = SingleLineField(required=False, max_length=QUERY_MAX, widget=forms.HiddenInput)
    # Hidden from people (CSS and aria-hidden); bots fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_query(self):
        query = self.cleaned_data["query"]
        if len(query) >= QUERY_MAX:
            raise forms.ValidationError(_("This search is too long to follow; remove some filters."))
        return query

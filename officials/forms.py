"""The secretariat's form to invite an official, and the official's form to choose a password."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from accounts.throttling import MAIL_WINDOW_SECONDS, keyed_hash, mail_limits, over_limit
from practices.models import InstitutionPage

from .models import Invitation
from .services import invite_official


class InstitutionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.country.localized_name()})"


class InviteOfficialForm(WagtailAdminModelForm):
    email = forms.EmailField(label=_("E-mail address"), help_text=_("The invitation link is sent here."))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    institution = InstitutionChoiceField(
        label=_("Institution"),
        queryset=InstitutionPage.objects.none(),
        help_text=_("The official will edit this institution's profile and practices only."),
    )

    class Meta:
        model = Invitation
        fields = ["email", "first_name", "last_name", "institution", "language"]
        help_texts = {"language": _("Language of the invitation e-mail and of the official's admin.")}

    def __init__(self, *args, client: str = "", **kwargs):
        super().__init__(*args, **kwargs)  # Wagtail's admin views pass for_user to this base class
        self.client = client
        self.rate_limited = False
        self.fields["institution"].queryset = (
            InstitutionPage.objects.filter(locale=Locale.get_default()).select_related("country").order_by("title")
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        User = get_user_model()
        if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
            raise forms.ValidationError(_("There is already an account with this e-mail address."))
        return email

    def clean(self):
        """At most a few invitations an hour to one address, and a bounded number from one
        inviting account or client address: a stolen secretariat session must not turn the
        site into a mailer. Counted only for otherwise valid invitations, which send mail."""
        cleaned = super().clean()
        if self.errors:
            return cleaned
        limits = mail_limits()
        counters = {
            "invite_target": keyed_hash(cleaned["email"].lower()),
            "invite_sender": keyed_hash(str(getattr(self.for_user, "pk", ""))),
            "invite_address": self.client or "unknown",
        }
        for kind, who in counters.items():
            if over_limit(f"officials:{kind}:{who}", limit=limits[kind], window_seconds=MAIL_WINDOW_SECONDS):
                self.rate_limited = True
        if self.rate_limited:
            raise forms.ValidationError(
                _(
                    "Too many invitations were sent in the last hour (to this address, by you or from "
                    "your connection). Wait an hour and try again."
                ),
                code="rate_limited",
            )
        return cleaned

    def save(self, commit=True):
        data = self.cleaned_data
        self.instance = invite_official(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            institution=data["institution"],
            language=data["language"],
            invited_by=self.for_user,
        )
        return self.instance

"""The public request form and the admin form in which an institution answers."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from core.forms import SingleLineField
from practices.taxonomy import Country

from .choices import OTHER_COUNTRY, ExchangeFormat
from .models import (
    COUNTRY_OTHER_MAX,
    EMAIL_MAX,
    INSTITUTION_MAX,
    MESSAGE_MAX,
    MESSAGE_MIN,
    NAME_MAX,
    NOTE_MAX,
    ExchangeRequest,
)
from .services import record_change

HONEYPOT = "website"


TOO_LONG = ngettext_lazy(
    "At most %(limit_value)d character, please (it has %(show_value)d).",
    "At most %(limit_value)d characters, please (it has %(show_value)d).",
    "limit_value",
)


def _text(label, limit, required_message, **kwargs):
    return SingleLineField(
        label=label,
        max_length=limit,
        error_messages={"required": required_message, "max_length": TOO_LONG},
        **kwargs,
    )


COUNTRIES_CACHE_KEY = "exchange:countries"


def country_choices():
    """The member states in the active language, A to Z, then "Another country". Cached (every practice
    page shows the form) and dropped when a country is saved (`signals.py`)."""
    countries = cache.get(COUNTRIES_CACHE_KEY)
    if countries is None:
        countries = [(c.iso2, c.name_es, c.name_en, c.name_pt) for c in Country.objects.all()]
        cache.set(COUNTRIES_CACHE_KEY, countries, 60 * 60)
    named = [(iso2, Country(name_es=es, name_en=en, name_pt=pt).localized_name()) for iso2, es, en, pt in countries]
    return [
        ("", _("Choose a country")),
        *sorted(named, key=lambda choice: choice[1].casefold()),
        (OTHER_COUNTRY, _("Another country")),
    ]


class ExchangeRequestForm(forms.Form):
    """What a visitor asks of the institution that published a practice. Every limit has its message."""

    name = _text(
        _("Your name"), NAME_MAX, _("Enter your name."), widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    requester_institution = _text(
        _("Your institution"),
        INSTITUTION_MAX,
        _("Enter the institution you work for."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        error_messages={
            "required": _("Choose your country, or “Another country”."),
            "invalid_choice": _("Choose a country from the list."),
        },
    )
    country_other = _text(
        _("Other country"),
        COUNTRY_OTHER_MAX,
        "",
        required=False,
        help_text=_("Only if you chose “Another country”."),
        widget=forms.TextInput(attrs={"autocomplete": "country-name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX,
        help_text=_("The institution will answer you at this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the form name@example.org."),
            "max_length": TOO_LONG,
        },
    )
    message = forms.CharField(
        label=_("What would you like to learn from this practice?"),
        min_length=MESSAGE_MIN,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Tell the institution what you would like to learn."),
            "min_length": ngettext_lazy(
                "Write at least %(limit_value)d character, please (it has %(show_value)d).",
                "Write at least %(limit_value)d characters, please (it has %(show_value)d).",
                "limit_value",
            ),
            "max_length": TOO_LONG,
        },
    )
    formats = forms.MultipleChoiceField(
        label=_("Preferred format"),
        choices=ExchangeFormat.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
        error_messages={
            "required": _("Choose at least one format."),
            "invalid_choice": _("Choose formats from the list."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, institution, country, e-mail address and message are shared with the "
            "institution that published this practice so that it can answer me."
        ),
        error_messages={"required": _("Your request can only be sent if you agree to share these details.")},
    )
    # Hidden from people and screen readers; bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "exchange-%s")
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        self.fields["message"].help_text = _("Between %(min)d and %(max)d characters.") % {
            "min": MESSAGE_MIN,
            "max": MESSAGE_MAX,
        }
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # The error summary names the consent briefly; its full sentence stays beside the box.
        self.fields["consent"].summary_label = _("Consent")
        for field in self.fields.values():
            # The browser would cut pasted text silently; the server says what is too long instead.
            field.widget.attrs.pop("maxlength", None)
            field.widget.attrs.pop("minlength", None)

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("country") == OTHER_COUNTRY and not cleaned.get("country_other", "").strip():
            self.add_error("country_other", _("Name your country, as you chose “Another country”."))
        return cleaned

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    @property
    def honeypot(self):
        return self[HONEYPOT]


class AnswerForm(WagtailAdminModelForm):
    """The institution moves a request along and writes a note or an answer; the details stay as sent."""

    note = forms.CharField(
        label=_("Note or answer"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Kept in the request's history. Tick the box below to also send it to the requester."),
    )
    send_to_requester = forms.BooleanField(
        label=_("Send this answer to the requester by e-mail"),
        required=False,
        help_text=_("It goes from the site's address, with yours to reply to. Write it in a language they read."),
    )

    class Meta:
        model = ExchangeRequest
        fields = ["status"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("send_to_requester") and not cleaned.get("note", "").strip():
            self.add_error("note", _("Write the answer to send."))
        return cleaned

    def save(self, commit=True):
        previous = self.initial.get("status", self.instance.status)
        instance = super().save(commit=commit)
        if commit:
            record_change(
                instance,
                user=self.for_user,
                from_status=previous,
                note=self.cleaned_data.get("note", "").strip(),
                send=self.cleaned_data.get("send_to_requester", False),
            )
        return instance

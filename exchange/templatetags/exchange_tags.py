from django import template
from django.contrib.messages import get_messages
from django.urls import reverse

from ..forms import ExchangeRequestForm

register = template.Library()


@register.inclusion_tag("exchange/request_form.html", takes_context=True)
def exchange_request_form(context, page):
    """The request form of a practice page: as typed and with its errors when shown again after a POST."""
    request = context["request"]
    form = context.get("exchange_form") or ExchangeRequestForm()
    sent = [m for m in get_messages(request) if "exchange" in m.tags] if _has_messages(request) else []
    return {
        "request": request,
        "page": page,
        "form": form,
        "limited": context.get("exchange_limited", False),
        "sent": sent,
        "action": reverse("exchange:submit", args=[page.pk]),
        "csrf_token": context.get("csrf_token"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


def _has_messages(request) -> bool:
    return hasattr(request, "_messages")


@register.simple_tag
def exchange_widget(field, **attrs):
    """The field's widget, tied to its help text and error message for screen readers."""
    described_by = [f"{field.auto_id}-help"] if field.help_text else []
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.simple_tag
def exchange_describedby(field) -> str:
    ids = [f"{field.auto_id}-help"] if field.help_text else []
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def first_input_id(field) -> str:
    """Where an error-summary link leads: the field, or the first box of a group of checkboxes."""
    if getattr(field.field.widget, "allow_multiple_selected", False) or field.name == "formats":
        return f"{field.auto_id}_0"
    return field.auto_id

"""Numbers as people in the region type them: one rule for the admin and the importer.

Spanish and Portuguese write "160.000" and "420,5"; English writes "160,000" and "420.5"; many
write "160 000" in both; and in Mexico and Central America Spanish is often written the English
way. The rule (documented in docs/import.md, *Numbers*):

- spaces (also no-break and thin spaces) separate thousands: "160 000";
- with both "." and ",", the last one is the decimal mark: "1.234,5" and "1,234.5";
- one mark repeated is a thousands separator: "1.000.000", "1,000,000";
- one mark once, followed by 1, 2 or 4+ digits, is the decimal mark: "420,5", "420.5";
- one mark once followed by exactly three digits ("160.000", "1,500") is decided by the
  language: the language's thousands separator ("." in es/pt, "," in en) means thousands;
  its decimal mark is refused as ambiguous, with a message that says how to write either.
  (A Mexican official's "1,500" in the Spanish admin means 1500, a Chilean's means 1.5.)
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

# language -> (decimal mark, thousands separator)
CONVENTIONS = {"es": (",", "."), "pt": (",", "."), "en": (".", ",")}
GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
NBSP = "\u00a0"


def convention(language: str | None) -> tuple[str, str]:
    return CONVENTIONS.get((language or "es")[:2].lower(), CONVENTIONS["es"])


def active_language() -> str:
    """The admin's language (Wagtail activates the user's preferred one for each request)."""
    return (translation.get_language() or "es")[:2]


def how_to_write(language: str) -> str:
    decimal, thousands = convention(language)
    return _("Write one thousand five hundred as “1500” or “1%(thousands)s500”, one and a half as “1%(decimal)s5”.") % {
        "thousands": thousands,
        "decimal": decimal,
    }


def parse_number(text, language: str | None = None) -> Decimal:
    """The number `text` means in `language` (default: the active language); ValidationError if unclear."""
    language = language or active_language()
    if isinstance(text, Decimal | int) and not isinstance(text, bool):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(str(text))
    raw = str(text).strip()
    if not raw:
        raise ValidationError(_("Enter a number."), code="required")
    body = raw.replace("\u2212", "-")  # U+2212 MINUS SIGN, as word processors write it
    sign = "-" if body[0] == "-" else ""
    parts = body.lstrip("+-").split()  # any space, also no-break and thin ones
    # Spaces separate thousands only: each part after a space starts with exactly three digits.
    if not parts or any(not re.match(r"\d{3}(?!\d)", part) for part in parts[1:]):
        raise invalid(raw, language)
    digits = "".join(parts)
    if not re.fullmatch(r"\d[\d.,]*", digits):
        raise invalid(raw, language)
    marks = set(re.findall(r"[.,]", digits))
    if not marks:
        return Decimal(sign + digits)
    if len(marks) == 2:  # "1.234,5" or "1,234.5": the last mark is the decimal one
        position = max(digits.rfind("."), digits.rfind(","))
        whole, fraction = digits[:position], digits[position + 1 :]
        if digits[position] in whole or not GROUPED.fullmatch(whole) or not fraction:
            raise invalid(raw, language)
        return to_decimal(sign, whole, fraction, raw, language)
    (mark,) = marks
    if digits.count(mark) > 1:  # "1.000.000"
        if not GROUPED.fullmatch(digits):
            raise invalid(raw, language)
        return to_decimal(sign, digits, "", raw, language)
    whole, fraction = digits.split(mark)
    if not fraction:
        raise invalid(raw, language)
    if len(fraction) == 3 and whole != "0":  # "160.000", "1,500": the language decides
        decimal_mark, _thousands = convention(language)
        if mark == decimal_mark:
            raise ValidationError(
                _("“%(value)s” is ambiguous. %(how)s") % {"value": raw, "how": how_to_write(language)},
                code="ambiguous",
            )
        return to_decimal(sign, whole + fraction, "", raw, language)
    return to_decimal(sign, whole, fraction, raw, language)


def to_decimal(sign: str, whole: str, fraction: str, raw: str, language: str) -> Decimal:
    try:
        return Decimal(sign + whole.replace(".", "").replace(",", "") + ("." + fraction if fraction else ""))
    except InvalidOperation:
        raise invalid(raw, language) from None


def invalid(raw: str, language: str) -> ValidationError:
    return ValidationError(
        _("“%(value)s” is not a number. %(how)s") % {"value": raw[:40], "how": how_to_write(language)},
        code="invalid",
    )


def format_number(value: Decimal | None, language: str | None = None) -> str:
    """`value` as the language writes it, thousands grouped by a no-break space: "160 000", "420,5"."""
    if value is None:
        return ""
    decimal_mark, _thousands = convention(language or active_language())
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    sign = "-" if text.startswith("-") else ""
    whole, _dot, fraction = text.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    whole = NBSP.join([whole, *groups])
    return sign + whole + (decimal_mark + fraction if fraction else "")


class LocalizedNumberInput(forms.TextInput):
    """A text box (a number box would refuse "160.000" in some browsers and drop "," in others)
    that shows the saved value in the admin's language; admin-numbers.js adds the live hint."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", "data-localized-number": "", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal):
            return format_number(value)
        return super().format_value(value)


class LocalizedDecimalField(forms.DecimalField):
    """A DecimalField that reads numbers with `parse_number` in the admin's language."""

    widget = LocalizedNumberInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return parse_number(value)

    def widget_attrs(self, widget):
        # No min/max/step: those belong to <input type="number">, which this is not.
        return {}

"""Strict checks of the machine-facing endpoints' own parameters (API v2, exports).

The search's filters (facet codes, years, order) are read by the search's form in its strict
flavour (`search/forms.py`, `SearchForm(…, strict=True)`): here only what the search does not
know, unknown parameter names, the export's `lang` and `rows`, and the API's `locale`. Every
problem is a 400 (`InvalidParameters`) saying what was wrong and which values are accepted.
"""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from core import params
from core.forms import InvalidParameters

__all__ = ["InvalidParameters", "check_choice", "check_known_parameters", "locale_for"]


def check_choice(data, key: str, choices) -> list[str]:
    try:
        raw = params.one(data, key)
    except params.BadParameter as error:
        return [error.message]
    if raw is not None and raw not in choices:
        return [
            _("Unknown value “%(value)s” for “%(parameter)s”. Accepted values: %(accepted)s.")
            % {"value": raw[:40], "parameter": key, "accepted": ", ".join(choices)}
        ]
    return []


def check_known_parameters(data, known) -> list[str]:
    unknown = sorted(set(data.keys()) - set(known))
    if unknown:
        return [
            _("Unknown parameter “%(parameter)s”. Accepted parameters: %(accepted)s.")
            % {"parameter": unknown[0][:40], "accepted": ", ".join(sorted(known))}
        ]
    return []


def locale_for(code: str | None, *, default: str = "es") -> Locale:
    """The language tree a request asks for; an unknown code is an error, not a silent default."""
    code = default if code is None else code
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        codes = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        raise InvalidParameters(
            [
                _("Unknown language “%(value)s”. Accepted values: %(accepted)s.")
                % {"value": code[:20], "accepted": codes}
            ]
        )
    return locale

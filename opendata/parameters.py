"""Strict checks of filter parameters for the machine-facing endpoints (API v2, exports).

The search page forgives a bad value (it drops it and says so, `search/forms.py`); a program
asking for data must not silently get a bigger set than it asked for, so here every unknown
code, impossible year or unknown option is a 400 with a message saying what was wrong and
which values are accepted. The vocabularies are the search facets' own (`search/facets.py`).
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from core import params
from search.facets import FACETS_BY_KEY

MAX_LISTED_VALUES = 30


class InvalidParameters(BadRequestError):
    """Bad parameters: each message says what was wrong; the API answers them with a 400."""

    def __init__(self, errors: list[str]):
        super().__init__(" ".join(errors))
        self.errors = errors


def split_values(data, key: str) -> list[str]:
    """Repeated parameters and comma-separated values, as the search page takes them."""
    return [part.strip() for raw in data.getlist(key) for part in raw.split(",") if part.strip()]


def check_facet_values(data, *, locale: Locale, keys) -> list[str]:
    errors = []
    for key in keys:
        values = split_values(data, key)
        if not values:
            continue
        facet = FACETS_BY_KEY[key]
        known = {option.code.casefold(): option.code for option in facet.options(locale)}
        unknown = [value for value in values if value.casefold() not in known]
        if unknown:
            accepted = sorted(known.values())
            listed = ", ".join(accepted[:MAX_LISTED_VALUES]) + (" …" if len(accepted) > MAX_LISTED_VALUES else "")
            errors.append(
                _("Unknown value “%(value)s” for “%(parameter)s”. Accepted values: %(accepted)s.")
                % {"value": unknown[0][:40], "parameter": key, "accepted": listed}
            )
    return errors


def check_year(data, key: str) -> list[str]:
    try:
        params.optional(params.year, data, key)
    except params.BadParameter as error:
        return [error.message]
    return []


def year_range(data) -> tuple[int | None, int | None]:
    """`year`, `year_from` and `year_to` together (already checked): the narrowest range they allow."""
    exact, start, end = (params.optional(params.year, data, key) for key in ("year", "year_from", "year_to"))
    starts = [year for year in (start, exact) if year is not None]
    ends = [year for year in (end, exact) if year is not None]
    return (max(starts) if starts else None, min(ends) if ends else None)


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

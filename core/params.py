"""The one rule for reading a public parameter: integers, years, ids, offsets and strings.

Every public view reads its GET parameters (and path ids) through these functions, so a value
is judged the same way everywhere (docs/api.md, *Parameters*):

- digits are ASCII `0-9` only: `str.isdigit()` also accepts superscripts (`²`) and other
  scripts' digits, which `int()` then refuses or reads differently;
- an integer must fit in 64 signed bits, what PostgreSQL and SQLite store, and its text is at
  most 19 digits long (so `int()` never works on a huge string);
- no NUL or other control character reaches the database (PostgreSQL refuses NUL in text);
- a parameter that takes one value refuses to be repeated (`?year=2020&year=2021`).

A bad value raises `BadParameter`, whose message is translated and names the parameter. Two
flavours use it: the strict one (API, exports) answers 400; the lenient one (`lenient()`, the
search page) drops the value and shows the message.
"""

import re
from datetime import date

from django.utils.translation import gettext as _

from .years import FIRST_YEAR

MAX_INT = 2**63 - 1  # the largest id or offset a 64-bit database column holds
MAX_DIGITS = len(str(MAX_INT))
ASCII_DIGITS = re.compile(r"[0-9]+")
# C0 controls and DEL; tab, newline and carriage return are allowed only where text may span lines.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
LINE_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SHOWN_LENGTH = 40  # how much of a bad value a message repeats


class BadParameter(ValueError):
    """A parameter's value breaks the rule; `message` says which parameter and why, translated."""

    def __init__(self, message: str, *, name: str = ""):
        super().__init__(message)
        self.message = message
        self.name = name


def shown(raw) -> str:
    """A bad value as a message may repeat it: short, with control characters made visible."""
    text = str(raw)[:SHOWN_LENGTH]
    return CONTROL_CHARACTERS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def one(data, name: str) -> str | None:
    """The single value of `name` in a QueryDict (None when absent); repeating it is an error."""
    return single(data.getlist(name), name=name)


def single(values: list[str], *, name: str) -> str | None:
    """The one value of a parameter given as a list (None when absent); several are an error."""
    if len(values) > 1:
        raise BadParameter(_("Give “%(parameter)s” only once.") % {"parameter": name}, name=name)
    return values[0] if values else None


def text(raw: str, *, name: str, max_length: int | None = None, multiline: bool = False) -> str:
    """A string without NUL or control characters (newlines only where `multiline`)."""
    pattern = LINE_CONTROLS if multiline else CONTROL_CHARACTERS
    if pattern.search(raw):
        raise BadParameter(
            _("“%(parameter)s” contains a control character, which is not allowed.") % {"parameter": name},
            name=name,
        )
    if max_length is not None and len(raw) > max_length:
        raise BadParameter(
            _("“%(parameter)s” is too long: at most %(max)s characters.") % {"parameter": name, "max": max_length},
            name=name,
        )
    return raw


def integer(raw: str, *, name: str, minimum: int = 0, maximum: int = MAX_INT) -> int:
    """A whole number written in ASCII digits, between `minimum` and `maximum` (both included)."""
    value = raw.strip()
    if not (ASCII_DIGITS.fullmatch(value) and len(value.lstrip("0")) <= MAX_DIGITS) or not (
        minimum <= int(value) <= maximum
    ):
        raise BadParameter(
            _("“%(value)s” is not a valid “%(parameter)s”: give a whole number between %(min)s and %(max)s.")
            % {"value": shown(raw), "parameter": name, "min": minimum, "max": maximum},
            name=name,
        )
    return int(value)


def identifier(raw: str, *, name: str = "id") -> int:
    """A database id: a positive integer that fits in 64 bits."""
    return integer(raw, name=name, minimum=1)


def last_year() -> int:
    """Practices may be planned for next year; later years cannot be asked for."""
    return date.today().year + 1


def year(raw: str, *, name: str) -> int:
    """A year a practice can have started in: from FIRST_YEAR to next year."""
    value = raw.strip()
    first, last = FIRST_YEAR, last_year()
    if not (ASCII_DIGITS.fullmatch(value) and len(value) <= 4 and first <= int(value) <= last):
        raise BadParameter(
            _("“%(value)s” is not a valid “%(parameter)s”: give a year between %(first)s and %(last)s.")
            % {"value": shown(raw), "parameter": name, "first": first, "last": last},
            name=name,
        )
    return int(value)


def optional(parse, data, name: str, **options):
    """`parse` applied to the single value of `name`; None when it is absent or empty."""
    raw = one(data, name)
    if raw is None or not raw.strip():
        return None
    return parse(raw, name=name, **options)


def lenient(parse, data, name: str, messages: list[str], **options):
    """The search page's flavour: a bad value is dropped, its message shown, the search goes on."""
    try:
        return optional(parse, data, name, **options)
    except BadParameter as error:
        messages.append(ignored(error))
        return None


def ignored(error: BadParameter) -> str:
    """The lenient flavour's message: what was wrong, and that the page went on without it."""
    return _("%(problem)s It was ignored.") % {"problem": error.message}

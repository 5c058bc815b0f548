"""Filters for plain-text e-mail bodies: what a visitor typed never starts a line of its own.

A value set on a line after a label ("Requester: {{ name }}") could otherwise carry a line
break and a line of its choosing ("Bcc: …", "Status: approved") into the message the
officials read; forms refuse such values now (core/forms.py), and these filters make sure
older records and multi-line fields cannot do it either."""

import re

from django import template

from core.params import CONTROL_CHARACTERS

register = template.Library()
LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")
INDENT = "    "


@register.filter
def one_line(value) -> str:
    """Control characters and line breaks become spaces."""
    return CONTROL_CHARACTERS.sub(" ", LINE_BREAKS.sub(" ", str(value or ""))).strip()


@register.filter
def indented(value) -> str:
    """Multi-line text kept as lines, each one indented, so none can pass for a label or a header."""
    lines = LINE_BREAKS.split(str(value or ""))
    return "\n".join(INDENT + CONTROL_CHARACTERS.sub(" ", line) for line in lines)

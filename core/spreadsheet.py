"""Spreadsheet cells of text that visitors or officials typed (CSV downloads, admin exports).

OWASP's CSV injection: a spreadsheet runs a cell starting with = + - @ (or a tab or carriage
return before one of them) as a formula, so such text gets a leading apostrophe, which the
spreadsheet shows as plain text. Every export that writes typed text goes through `defuse`.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def defuse(value):
    """`value`, with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value

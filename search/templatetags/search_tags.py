import re
import unicodedata

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").casefold()


@register.filter
def highlight(text: str, query: str):
    """Wraps the query's words (accents and case ignored, word beginnings) in <mark>; everything escaped."""
    words = [_fold(w) for w in (query or "").split() if len(w) >= 3][:10]
    if not words or not text:
        return escape(text)
    folded = _fold(text)
    if len(folded) != len(text):  # a character that decomposes differently: do not risk misaligned marks
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.UNICODE)
    out, last = [], 0
    for match in pattern.finditer(folded):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


@register.simple_tag(takes_context=True)
def url_without(context, key: str, code: str = "") -> str:
    return query_without(context["request"].GET, key, code)


def query_without(query, key: str, code: str = "") -> str:
    """The search URL's query string without one filter value (or the whole parameter), back to page 1."""
    params = query.copy()
    if code:
        params.setlist(key, [v for v in params.getlist(key) if v != code])
    else:
        params.pop(key, None)
    params.pop("page", None)
    return "?" + params.urlencode()

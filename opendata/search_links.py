"""What a search page links to about its own result set: the cleaned search as URL parameters,
a short label of it, and the feed that follows it. Shared by the page's links and the feeds."""

from urllib.parse import parse_qsl

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _


def search_state(parameters) -> list[tuple[str, str]]:
    """The cleaned search (what the page actually shows), never the raw query string: a link
    carrying a value the page dropped would make the export answer 400. Written by the one
    `to_query()` (search/forms.py)."""
    return parse_qsl(parameters.to_query(sort=True), keep_blank_values=True)


def search_label(parameters) -> str:
    """«words», and the chosen filters' names: "«rezago», Colombia, 2019–": from the options the
    page already loaded (no query)."""
    search = parameters.request
    parts = [f"«{search.query}»"] if search.query else []
    for key, codes in parameters.codes.items():
        labels = {option.code: option.label for option in parameters.options.get(key, [])}
        parts += [labels.get(code, code) for code in codes]
    if search.year_from is not None or search.year_to is not None:
        parts.append(f"{search.year_from or ''}–{search.year_to or ''}")
    return ", ".join(parts) or _("every practice")


def feed_for(parameters) -> dict:
    """The feed of what the page shows: a country's or a topic's own feed when that is the only
    filter, the feed of the whole search (words and filters) otherwise, every practice when nothing
    is chosen."""
    codes, search = parameters.codes, parameters.request
    only_filter = not search.query and search.year_from is None and search.year_to is None and len(codes) == 1
    for key, url_name in (("country", "feed_country_atom"), ("topic", "feed_topic_atom")):
        if only_filter and len(codes.get(key, [])) == 1:
            code = codes[key][0]
            label = next((option.label for option in parameters.options[key] if option.code == code), code)
            return {
                "feed": reverse(url_name, args=[code]),
                "feed_label": _("New practices: %(subject)s") % {"subject": label},
                "feed_filtered": True,
            }
    if search.query or codes or search.year_from is not None or search.year_to is not None:
        state = [(key, value) for key, value in search_state(parameters) if key != "sort"]
        return {
            "feed": f"{reverse('feed_search_atom')}?{urlencode(state)}",
            "feed_label": _("New practices: %(subject)s") % {"subject": search_label(parameters)},
            "feed_filtered": True,
        }
    return {"feed": reverse("feed_practices_atom"), "feed_label": _("New practices"), "feed_filtered": False}

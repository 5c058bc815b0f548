"""Links from the search page to the downloads and feeds of the result set it shows."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def _search_state(parameters) -> list[tuple[str, str]]:
    """The cleaned search (what the page actually shows), never the raw query string: a link
    carrying a value the page dropped would make the export answer 400."""
    search = parameters.request
    state = [("q", search.query)] if search.query else []
    state += [(key, code) for key, codes in parameters.codes.items() for code in codes]
    if search.year_from is not None:
        state.append(("year_from", str(search.year_from)))
    if search.year_to is not None:
        state.append(("year_to", str(search.year_to)))
    state.append(("sort", search.sort))
    return state


@register.simple_tag
def export_links(parameters) -> dict:
    state = _search_state(parameters) + [("lang", (get_language() or "es")[:2])]
    links = {
        "csv": f"{reverse('export_csv')}?{urlencode(state)}",
        "json": f"{reverse('export_json')}?{urlencode(state)}",
        "indicators": f"{reverse('export_csv')}?{urlencode(state + [('rows', 'indicators')])}",
    }
    links.update(feed_for(parameters))
    return links


def feed_for(parameters) -> dict:
    """A feed of the one country or topic chosen (and nothing else), or of every practice.
    Labels come from the facet options the page already loaded: no extra query."""
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
    return {"feed": reverse("feed_practices_atom"), "feed_label": _("New practices"), "feed_filtered": False}

"""Links from the search page to the downloads and feeds of the result set it shows."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def _search_state(parameters) -> str:
    """The cleaned search (what the page actually shows), never the raw query string: a link
    carrying a value the page dropped would make the export answer 400."""
    return parameters.to_query(sort=True)


@register.simple_tag
def export_links(parameters) -> dict:
    state = _search_state(parameters) + "&" + urlencode({"lang": (get_language() or "es")[:2]})
    links = {
        "csv": f"{reverse('export_csv')}?{state}",
        "json": f"{reverse('export_json')}?{state}",
        "indicators": f"{reverse('export_csv')}?{state}&{urlencode({'rows': 'indicators'})}",
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

"""Links from the search page to the downloads and feeds of the result set it shows."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from opendata.search_links import feed_for

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

"""Links from the search page to the downloads and feeds of the result set it shows."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from opendata.search_links import feed_for, search_state

register = template.Library()


@register.simple_tag
def export_links(parameters) -> dict:
    state = search_state(parameters) + [("lang", (get_language() or "es")[:2])]
    links = {
        "csv": f"{reverse('export_csv')}?{urlencode(state)}",
        "json": f"{reverse('export_json')}?{urlencode(state)}",
        "indicators": f"{reverse('export_csv')}?{urlencode(state + [('rows', 'indicators')])}",
    }
    links.update(feed_for(parameters))
    return links

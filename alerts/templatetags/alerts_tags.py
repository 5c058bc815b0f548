from django import template

from alerts.forms import SubscribeForm
from alerts.searches import normalise_query

register = template.Library()


@register.inclusion_tag("alerts/form.html", takes_context=True)
def follow_search_form(context, parameters):
    """The "Follow this search" form for the search page, carrying the page's search, normalised."""
    return {
        "form": SubscribeForm(initial={"query": normalise_query(parameters)}),
        "csrf_token": context.get("csrf_token"),
        "heading_level": 2,
    }

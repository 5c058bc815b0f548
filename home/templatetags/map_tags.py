"""The country map in templates: {% search_country_map search %} on the search page."""

from django import template

from home.map import build_map

register = template.Library()


@register.inclusion_tag("includes/country_map.html", takes_context=True)
def search_country_map(context, search_page, map_id="search-map", heading_level=2):
    """The map of the search page follows its filters: the country facet's counts (which leave the
    country filter itself out, like the checkboxes), each country leading to the same search with
    that country alone."""
    values = search_page.facets.get("country", [])
    request = context["request"]

    parameters = context["parameters"]

    def link(code: str) -> str:
        return f"{request.path}?{parameters.link_query(codes={'country': [code]})}"

    country_map = build_map(
        counts={value.code: value.count for value in values},
        names={value.code: value.label for value in values},
        link=link,
        selected=[value.code for value in values if value.selected],
    )
    return {
        "map": country_map,
        "map_id": map_id,
        "heading_level": heading_level,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }

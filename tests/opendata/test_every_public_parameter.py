"""Every parameter of every public URL we can enumerate, given the values that once answered 500:
a NUL byte, a superscript digit, a number beyond 64 bits, and the parameter repeated.

The URLs come from the OpenAPI document (every documented operation, query and path parameter)
and from the URL resolver (every public pattern, its converters filled with the bad values), and
each public page's form parameters. A new endpoint or parameter is tried without editing this file.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from search.facets import FACETS

pytestmark = pytest.mark.django_db

BAD_VALUES = ["\x00", "\u00b2", str(2**64)]
# The search page's parameters: the search, the alerts form and the comparison read them.
PAGE_PARAMETERS = ["q", "year_from", "year_to", "sort", "page", "page_size", *(facet.key for facet in FACETS)]
PAGES = {
    "/es/buscar/": PAGE_PARAMETERS,
    "/es/avisos/": PAGE_PARAMETERS,
    "/es/comparar/": ["p"],
    "/es/": ["page", "p", "q"],
}
NOT_PUBLIC = ("admin/", "documents/", "invitation/", "django-admindocs/", "__debug__/")
CONVERTER = re.compile(r"<(?:\w+:)?\w+>")
REGEX_GROUP = re.compile(r"\(\?P<\w+>[^)]*\)")


def _assert_no_server_error(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code < 500, (url, params, response.status_code)
    return response


def _openapi_operations(client):
    document = client.get("/api/v2/openapi.json").json()
    for template, item in document["paths"].items():
        operation = item["get"]
        yield template, operation.get("parameters", [])


def _fill(template: str, value: str) -> str:
    """A documented path with its path parameters set: `lang` to Spanish, the others to `value`."""
    return re.sub(r"\{(\w+)\}", lambda m: "es" if m.group(1) == "lang" else value.replace("\x00", "%00"), template)


def _all_at_once(client, url, names):
    """Every parameter set to the same bad value in one request, then every one repeated: the
    lenient pages read them all (a bad one is dropped, the next one read), so one request per
    value tries each parameter, at the price of one search rather than one per parameter."""
    for value in BAD_VALUES:
        _assert_no_server_error(client, url, dict.fromkeys(names, value))
    _assert_no_server_error(client, url, dict.fromkeys(names, ["1", "2"]))


def test_every_documented_parameter_survives_bad_values(client):
    tried = 0
    for template, parameters in _openapi_operations(client):
        url = _fill(template, "1")
        if any(parameter["in"] == "path" for parameter in parameters):
            for value in BAD_VALUES:
                _assert_no_server_error(client, _fill(template, value))
        names = [parameter["name"] for parameter in parameters if parameter["in"] == "query"]
        _all_at_once(client, url, names)
        # The strict endpoints stop at the first bad parameter they check: one at a time too
        # (they answer 400 before any search, so this costs little).
        if template != "/api/search/":
            for name in names:
                for value in BAD_VALUES[1:]:
                    _assert_no_server_error(client, url, {name: value})
        tried += len(parameters)
    assert tried > 50  # the document lists every endpoint and its parameters


@pytest.mark.parametrize("url", list(PAGES))
def test_every_page_parameter_survives_bad_values(client, url):
    _all_at_once(client, url, PAGES[url])


def _public_patterns(resolver=None, prefix=""):
    """(route text) for every URL pattern outside the admin, with its nested includes joined."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if route.lstrip("^").startswith(NOT_PUBLIC):
            continue
        if isinstance(pattern, URLResolver):
            yield from _public_patterns(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _with(route: str, value: str) -> str:
    path = CONVERTER.sub(value, route)
    path = REGEX_GROUP.sub(value, path)
    path = path.replace("^", "").replace("$", "").replace("\\", "")
    return "/" + path.lstrip("/")


def test_every_public_url_pattern_survives_bad_path_values(client):
    routes = list(_public_patterns())
    assert len(routes) > 20
    for route in routes:
        if "<" not in route and "(?P" not in route:
            continue
        for value in ["%00", "%C2%B2", str(2**64)]:
            _assert_no_server_error(client, _with(route, value))

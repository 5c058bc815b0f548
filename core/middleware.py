"""Guards in front of every view: no NUL byte or impossible id gets in, /api/ answers its errors in
JSON, admin searches stay short.

See docs/api.md, *Parameters* and *Errors*.
"""

import re

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .params import MAX_INT

API_PREFIX = "/api/"
ADMIN_PREFIX = "/admin/"
# A path segment (or its name before an extension) made of digits, as `<int:…>` matches it.
NUMBER_SEGMENT = re.compile(r"(?<=/)[0-9]{19,}(?=/|\.|$)")
# The public search's own bound (search/queries.py); its message names the number.
MAX_ADMIN_QUERY_LENGTH = 200


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def error_response(request, status: int, message: str, *, errors: list[str] | None = None) -> HttpResponse:
    """A 4xx/5xx in the form the client reads: JSON under /api/, plain text elsewhere and for the
    CSV export, whose documented errors are text (a spreadsheet user reads them)."""
    if is_api(request) and not request.path.endswith(".csv"):
        body = {"message": message, "errors": errors if errors is not None else [message]}
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


class RefuseImpossibleAddresses:
    """Two values no URL of the site can use, refused once, here, before any view or middleware
    (the page router, redirects) reads them:

    - a NUL byte in the path or a query parameter: PostgreSQL cannot store it, so it broke the
      first query it reached (feeds, unsubscribe links, the API's `locale` and `html_path`);
    - a number in the path beyond 64 bits (more than 19 digits): Django's `<int:…>` converter
      takes any length, and the lookup then overflowed the database's integer (API detail, case
      sheet, exchange form, admin). No object can have such an id, so it is a 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return error_response(request, 400, _("The address contains a NUL character, which is not allowed."))
        if any(int(number) > MAX_INT for number in NUMBER_SEGMENT.findall(request.path)):
            raise Http404(_("No published, public object has this id."))
        return self.get_response(request)


class JsonErrorsForApi:
    """Errors under /api/ come as JSON whoever produced them: Django's 404 and 500 pages, the 405
    of `require_GET`, the CSRF 403. Responses that already carry JSON or a documented plain-text
    body (the CSV export's 400) are left as they are; only Django's HTML error pages are replaced.

    Placed after LocaleMiddleware, whose answer to a 404 outside the language prefixes would be a
    redirect into the page tree (`/es/api/…`): the 404 is kept by naming a URLconf without them."""

    MESSAGES = {
        400: lambda request: _("The request is not valid."),
        403: lambda request: _("Access to this address is refused."),
        404: lambda request: _("There is nothing at this address of the API."),
        405: lambda request: _("This address does not accept %(method)s requests.") % {"method": request.method},
        500: lambda request: _("Something went wrong on our side; the error has been logged."),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_api(request) or response.status_code < 400:
            return response
        if response.status_code == 404:
            request.urlconf = "opendata.urlconf_without_languages"
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            status = response.status_code
            message = self.MESSAGES.get(status) or self.MESSAGES[500 if status >= 500 else 400]
            replaced = error_response(request, status, message(request))
            if "Allow" in response:
                replaced["Allow"] = response["Allow"]
            return replaced
        return response


# At most this many words reach Wagtail's query parser, phrases counted by their words: every
# quoted phrase becomes one more full-text term (and one more nesting level of its AND), so the
# work of one admin search grows with the number of terms, not with the characters.
MAX_ADMIN_QUERY_TERMS = 10
QUERY_TOKEN = re.compile(r'"[^"]*"|[^\s"]+')


def bounded_admin_query(
    query: str, *, max_length: int = MAX_ADMIN_QUERY_LENGTH, max_terms: int = MAX_ADMIN_QUERY_TERMS
) -> str:
    """`query` cut to `max_length` characters and `max_terms` words; quoted phrases are kept
    (shortened if they alone pass the bound), stray quotes and empty phrases dropped."""
    kept, words = [], 0
    for token in QUERY_TOKEN.findall(query[:max_length]):
        phrase = token.startswith('"')
        parts = token.strip('"').split()
        if not parts:
            continue
        room = max_terms - words
        if room <= 0:
            break
        parts = parts[:room]
        kept.append(f'"{" ".join(parts)}"' if phrase else parts[0])
        words += len(parts)
    return " ".join(kept)


class BoundAdminSearch:
    """The admin's listings and choosers hand `q` to Wagtail's query parser, which makes one
    term per quoted phrase: a long quoted query overflowed the recursion limit of the document
    search (RecursionError) and kept the page search busy for 17.9 s. A query is cut to the
    length the public search takes and to MAX_ADMIN_QUERY_TERMS words (docs/operations.md,
    *Admin inputs that cost time*), and the editor is told."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = request.GET.getlist("q")
        if request.path.startswith(ADMIN_PREFIX) and values:
            bounded_values = [bounded_admin_query(value) for value in values]
            unbounded = [bounded_admin_query(value, max_length=len(value), max_terms=len(value)) for value in values]
            if bounded_values != unbounded:  # only what the bounds cut is rewritten and told
                bounded = request.GET.copy()
                bounded.setlist("q", bounded_values)
                bounded._mutable = False
                request.GET = bounded
                if any(len(value) > MAX_ADMIN_QUERY_LENGTH for value in values):
                    messages.warning(request, _("Your search was shortened to its first 200 characters."))
                else:
                    messages.warning(
                        request,
                        _("Your search was shortened to its first %(count)s words.") % {"count": MAX_ADMIN_QUERY_TERMS},
                    )
        return self.get_response(request)

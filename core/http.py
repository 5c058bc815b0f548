"""Decorators for the public, read-only views."""

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


def read_only(view):
    """GET and HEAD only; any other method answers 405 with `Allow: GET, HEAD`.

    CSRF protection is moot for a view that never accepts a write, and CsrfViewMiddleware runs
    before the view: without the exemption a POST would get the CSRF 403 instead of the 405
    the OpenAPI document promises."""
    return csrf_exempt(require_safe(view))

"""Language-neutral open-data URLs under /api/: API v2, its OpenAPI description, exports."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from . import exports, openapi
from .api import api_router, keep_status_outside_languages


def not_found(request, rest=""):
    response = JsonResponse({"message": _("There is nothing at this address of the API.")}, status=404)
    keep_status_outside_languages(request, response)
    return response


urlpatterns = [
    path("v2/openapi.json", openapi.openapi_json, name="openapi"),
    path("v2/", api_router.urls),
    path("export.csv", exports.export_csv, name="export_csv"),
    path("export.json", exports.export_json, name="export_json"),
    re_path(r"^v2/(?P<rest>.*)$", not_found),
]

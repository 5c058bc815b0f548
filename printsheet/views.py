"""/es/ficha/<id>.pdf (/en/case-sheet/…, /pt/ficha/…): one practice as a printable PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control, patch_response_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import condition, require_GET
from wagtail.models import Locale

from seo.alternates import version_of

from .sheets import CACHE_SECONDS, case_sheet_pdf, sheet_practices


def _last_modified(request, page_id):
    return sheet_practices().filter(pk=page_id).values_list("last_published_at", flat=True).first()


@require_GET
@condition(last_modified_func=_last_modified)
def case_sheet(request, page_id: int):
    page = get_object_or_404(sheet_practices(), pk=page_id)
    locale = Locale.get_active()
    if page.locale_id != locale.pk:
        # An id from another language tree: the sheet of the same practice in the URL's language.
        translation = sheet_practices().filter(translation_key=page.translation_key, locale=locale).first()
        if translation is None:
            raise Http404
        return redirect("case_sheet", page_id=translation.pk, permanent=True)
    response = HttpResponse(case_sheet_pdf(page, request=request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{page.slug}.pdf")
    version = version_of(page, request=request)
    if version is not None:
        # A PDF has no <head>: the HTTP header tells search engines which page it duplicates.
        response["Link"] = f'<{version.canonical_url}>; rel="canonical"'
    patch_response_headers(response, CACHE_SECONDS)
    patch_cache_control(response, public=True)
    return response

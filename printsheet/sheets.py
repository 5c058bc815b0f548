"""What a case sheet shows, loaded in a fixed number of queries, and the PDF made from it."""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from practices.models import PracticePage

from .rendering import html_to_pdf

CACHE_SECONDS = 3600


def sheet_practices():
    """Practices a visitor may read: live, outside any view restriction."""
    return (
        PracticePage.objects.live().public().select_related("institution", "institution__locale", "country", "locale")
    )


def css_string(value: str) -> str:
    """`value` as the body of a double-quoted CSS string inside <style> (the page footer)."""
    value = "".join(ch for ch in value if ch >= " " and ch not in "<>")
    return value.replace("\\", "\\\\").replace('"', '\\"')


def sheet_context(page: PracticePage, *, request) -> dict:
    partners = list(page.partners.all())
    return {
        "page": page,
        "institution": page.institution,
        "country": page.country,
        "results": list(page.results.select_related("indicator_type")),
        "topics": list(page.topics.all()),
        "stages": list(page.stages.all()),
        "mechanisms": list(page.mechanisms.all()),
        "partners": partners,
        "attachments": list(page.attachments.select_related("document")),
        "page_url": page.get_full_url(request),
        "footer_url": mark_safe(css_string(page.get_full_url(request) or "")),
        "generated": timezone.localdate(),
    }


def case_sheet_pdf(page: PracticePage, *, request) -> bytes:
    """The PDF of `page` in the active language, cached until the page is published again (or the day ends:
    the sheet says when it was made)."""
    stamp = page.last_published_at.timestamp() if page.last_published_at else 0
    key = f"case-sheet:{page.pk}:{stamp}:{get_language()}:{timezone.localdate().isoformat()}"
    pdf = cache.get(key)
    if pdf is None:
        context = sheet_context(page, request=request)
        html = render_to_string("printsheet/case_sheet.html", context, request=request)
        pdf = html_to_pdf(html, base_url=context["page_url"] or request.build_absolute_uri("/"))
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf

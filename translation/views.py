"""Admin: the secretariat's overview and action, and "translation reviewed" on a draft."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from . import signals
from .engines import Router
from .models import TextOrigin, TranslatedText, TranslationJob
from .services import enqueue_missing, is_missing, mark_reviewed, originals, target_locales

PERMISSION = "wagtail_localize.submit_translation"


def may_translate(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def overview(request):
    if not may_translate(request.user):
        raise PermissionDenied
    if request.method == "POST":
        jobs = enqueue_missing()
        # Run after this response is sent, within a time budget; the scheduler does the rest.
        if getattr(signals._request, "job_ids", None) is not None:
            signals._request.job_ids += [job.pk for job in jobs]
        messages.success(
            request,
            ngettext(
                "%(count)d missing translation queued: drafts appear within minutes.",
                "%(count)d missing translations queued: drafts appear within minutes.",
                len(jobs),
            )
            % {"count": len(jobs)},
        )
        return redirect("translation_overview")
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    router = Router()
    missing_engines = sorted(
        {name for pair in (("es", "pt"), ("es", "en"), ("pt", "en")) for name in router.missing_engines(*pair)}
    )
    if missing_engines:
        messages.warning(
            request,
            _("Not installed: %(engines)s. Only what the other engines cover is translated (see the README).")
            % {"engines": ", ".join(missing_engines)},
        )
    missing = sum(1 for page in originals() for locale in target_locales(page) if is_missing(page, locale))
    context = {
        "missing": missing,
        "jobs": dict(TranslationJob.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")),
        "problems": TranslationJob.objects.exclude(
            status__in=[TranslationJob.Status.DONE, TranslationJob.Status.PENDING]
        )
        .select_related("page", "target_locale")
        .order_by("-updated_at")[:50],
        "drafts": TranslatedText.objects.filter(origin=TextOrigin.MACHINE).count(),
        "reviewed": TranslatedText.objects.filter(origin=TextOrigin.REVIEWED).count(),
    }
    return TemplateResponse(request, "translation/overview.html", context)


def review(request, page_id: int):
    """GET asks for confirmation, POST records that a person reviewed the machine draft."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    record = TranslatedText.objects.filter(page=page).first()
    if request.method == "POST":
        if mark_reviewed(page, request.user):
            messages.success(request, _("“%(title)s”: translation marked as reviewed.") % {"title": page.title})
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(request, "translation/review.html", {"page": page, "record": record})

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
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views import edit_translation

from practices.choices import ContentLanguage

from . import signals
from .engines import EngineFailed, EngineUnavailable, Router
from .machine import OfflineTranslator
from .models import TextOrigin, TranslatedText, TranslationJob
from .services import (
    enqueue_missing,
    is_missing,
    mark_reviewed,
    originals,
    record_draft,
    source_language,
    target_locales,
)

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


@require_POST
def machine_translate(request, translation_id: int):
    """wagtail-localize's "Machine translate" button, answered from the original's real language.

    Served at wagtail-localize's own address (wagtail_hooks.py registers it first): its view would
    translate a Brazilian original in the Spanish tree as if it were Spanish.
    """
    translation = get_object_or_404(Translation, pk=translation_id)
    translator = get_machine_translator()
    target = translation.get_target_instance()
    if not isinstance(target, Page) or not isinstance(translator, OfflineTranslator):
        return edit_translation.machine_translate(request, translation_id)  # snippets: no original language
    if not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[target.pk])
    translator.source_language = source_language(translation.source.get_source_instance())
    source_lang, target_lang = translator.languages(translation.source.locale, translation.target_locale)
    names = {code: ContentLanguage(code).label for code in (source_lang, target_lang)}  # autonyms: Português
    if source_lang == target_lang:
        messages.warning(
            request,
            _("The original is already in %(language)s: there is nothing to translate.")
            % {"language": names[source_lang]},
        )
        return redirect(next_url)
    if not translator.can_translate(translation.source.locale, translation.target_locale):
        messages.warning(
            request,
            _("Machine translation from %(source)s into %(target)s is not installed on this server (see the README).")
            % {"source": names[source_lang], "target": names[target_lang]},
        )
        return redirect(next_url)
    machine_strings = StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_of__segments__source=translation.source,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    before = machine_strings.count()
    try:
        # wagtail-localize's own routine: it asks the translator first and writes after, so a failure writes nothing.
        filled = edit_translation.apply_machine_translation(translation_id, request.user, translator)
    except (EngineFailed, EngineUnavailable, ValueError) as exc:
        messages.error(request, _("The machine translation failed; nothing was changed. (%(error)s)") % {"error": exc})
        return redirect(next_url)
    if not filled:
        messages.warning(request, _("There isn't anything left to translate."))
        return redirect(next_url)
    record_draft(target, source_lang, target_lang, machine_strings.count() - before, translator.unknown_words)
    messages.success(
        request,
        _(
            "Translated from %(source)s by the machine. Read and correct it, publish, then mark the "
            "translation as reviewed: until then visitors see that it is a machine translation."
        )
        % {"source": names[source_lang]},
    )
    return redirect(next_url)

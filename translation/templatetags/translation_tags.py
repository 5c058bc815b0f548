"""On public pages: the banner of a machine draft and the marking of the words it left untranslated."""

import re

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..engines import UNKNOWN_WORD
from ..models import TextOrigin, TranslatedText

register = template.Library()
_TAG = re.compile(r"(<[^>]+>)")


def draft_record(page) -> TranslatedText | None:
    """The page's machine-draft record, read once per request and kept on the page object."""
    if not hasattr(page, "_machine_draft"):
        if page.alias_of_id is not None or page.locale.language_code == settings.LANGUAGE_CODE:
            page._machine_draft = None  # originals and aliases: no query
            return None
        page._machine_draft = TranslatedText.objects.filter(page_id=page.pk, origin=TextOrigin.MACHINE).first()
    return page._machine_draft


@register.inclusion_tag("translation/machine_notice.html", takes_context=True)
def machine_translation_notice(context, page):
    record = draft_record(page)
    if record is None:
        return {"record": None}
    original = page.get_translation_or_none(Locale.get_default())
    return {"record": record, "original": original, "request": context.get("request")}


@register.filter(is_safe=True)
def mark_unknown_words(html, page):
    """Apertium's `*word` (a word it did not know) becomes <mark lang="…"> in the source language,
    in text only (never inside a tag), and only on machine drafts."""
    record = draft_record(page) if page is not None else None
    if record is None:
        return html
    title = _("Not translated: the engine did not know this word")
    parts = _TAG.split(str(html))
    for index in range(0, len(parts), 2):
        parts[index] = UNKNOWN_WORD.sub(
            lambda m: format_html(
                '<mark class="mt-unknown" lang="{}" title="{}">{}</mark>', record.source_language, title, m.group(1)
            ),
            parts[index],
        )
    return mark_safe("".join(parts))  # noqa: S308 - only escaped words were added to already-safe HTML


@register.inclusion_tag("translation/review_notice.html", takes_context=True)
def machine_draft_review(context, page):
    """In the translation editor: the draft's state and the button that marks it reviewed."""
    request = context["request"]
    record = TranslatedText.objects.filter(page_id=page.pk, origin=TextOrigin.MACHINE).first()
    if record is None or not page.permissions_for_user(request.user).can_edit():
        return {"record": None}
    return {"record": record, "request": request, "csrf_token": context.get("csrf_token")}

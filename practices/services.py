"""Writes that touch several pages: language trees and translations (the site's tree: home/site.py)."""

from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page


def default_locale() -> Locale:
    return Locale.get_default()


def other_locales() -> list[Locale]:
    return list(Locale.objects.exclude(pk=default_locale().pk).order_by("language_code"))


def add_child_with_aliases(parent: Page, page: Page) -> Page:
    """Adds a page in the Spanish tree and its aliases in the other language trees, as the editor would."""
    parent.add_child(instance=page)
    create_aliases_for_new_page(page)
    return page


def translate_page(page: Page, locale: Locale, strings: dict[str, str], *, publish: bool = True) -> Page:
    """Translates a page through wagtail-localize, so the translation stays in step with its source.

    `strings` maps source segments (a field value, a paragraph, a list item) to their translation;
    segments without one keep the source text.
    """
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        target = strings.get(segment.string.data)
        if target:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": target, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    translation.save_target(publish=publish)
    return page.get_translation(locale)


def publish_translations_of(page: Page, *, user=None) -> int:
    """Carries a published original's changes to its translations and publishes them, as
    wagtail-localize's "Sync translated pages" does with "Publish immediately" ticked.

    Synchronised fields (a selection's practices, dates, topics…) are copied; translated text
    stays; new text shows in the original language until someone translates it. Returns the
    number of translations published.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return 0
    source.update_from_db()
    published = 0
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            translation.save_target(user=user, publish=True)
        except ValidationError:
            # The same as wagtail-localize's sync view: a translation that no longer validates
            # (a field left empty in it) keeps its last published version until it is fixed.
            continue
        published += 1
    return published

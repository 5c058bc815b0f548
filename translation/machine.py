"""wagtail-localize's machine translator (the "Machine translate" button of its editor), offline.

Set in settings as WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "translation.machine.OfflineTranslator"}.
wagtail-localize only tells a translator the two trees' locales, and originals live in the Spanish
tree whatever language they are written in (a Brazilian practice is Portuguese there). So the
button's request is answered by `views.machine_translate`, which binds the translator to the
page's real original language (`source_language`) before wagtail-localize fills the strings.
"""

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from .engines import UNKNOWN_WORD, Router, normalise_language
from .services import TOOL_NAME, warn_missing_engines


class OfflineTranslator(BaseMachineTranslator):
    display_name = TOOL_NAME

    def __init__(self, options):
        super().__init__(options)
        # The language the source text is really in; None = the source tree's language.
        self.source_language: str | None = options.get("source_language")
        self.unknown_words: set[str] = set()

    def languages(self, source_locale, target_locale) -> tuple[str, str]:
        source = self.source_language or normalise_language(source_locale.language_code)
        return source, normalise_language(target_locale.language_code)

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        source, target = self.languages(source_locale, target_locale)
        outputs = Router().translate(source, target, [string.data for string in strings])
        self.unknown_words |= {match.group(1) for out in outputs for match in UNKNOWN_WORD.finditer(out)}
        return {string: StringValue.from_translated_html(out) for string, out in zip(strings, outputs, strict=True)}

    def can_translate(self, source_locale, target_locale):
        source, target = self.languages(source_locale, target_locale)
        return source != target and not warn_missing_engines(Router(), source, target)

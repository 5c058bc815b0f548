"""Behaviour shared by page types whose text is written in one language and shown in three trees."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import ContentLanguage


class OriginalLanguageMixin(models.Model):
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=ContentLanguage.choices,
        default=ContentLanguage.SPANISH,
        help_text=_("The language the text was written in."),
    )

    class Meta:
        abstract = True

    @property
    def content_language(self) -> str:
        """The language the visible text is in: a real translation's locale, else the original's.

        Originals live in the default-language tree whatever language they are written in;
        aliases in the other trees show the original's text until someone translates them.
        """
        if self.alias_of_id is None and self.locale.language_code[:2] != settings.LANGUAGE_CODE:
            return self.locale.language_code[:2]
        return self.original_language

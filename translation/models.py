"""The glossary the secretariat keeps, the queue of pages to translate, and what a translated
page's text is (a machine draft or reviewed by a person)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .inflection import plural

PLURAL_HELP = _("Only where the usual rule gets it wrong; leave blank otherwise.")


class GlossaryTerm(models.Model):
    """One domain term in the three languages, applied around the engines (glossary.py)."""

    term_es = models.CharField(
        _("Spanish"),
        max_length=120,
        help_text=_("In the singular, e.g. rezago, elegibilidad, CONARE: plurals are found and written too."),
    )
    term_pt = models.CharField(_("Portuguese"), max_length=120, blank=True)
    term_en = models.CharField(_("English"), max_length=120, blank=True)
    # Blank: the plural follows the language's rules (inflection.py), shown in the glossary list.
    plural_es = models.CharField(_("Spanish plural"), max_length=120, blank=True, help_text=PLURAL_HELP)
    plural_pt = models.CharField(_("Portuguese plural"), max_length=120, blank=True, help_text=PLURAL_HELP)
    plural_en = models.CharField(_("English plural"), max_length=120, blank=True, help_text=PLURAL_HELP)
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("Why this rendering, for the other reviewers.")
    )

    panels = [
        FieldRowPanel([FieldPanel("term_es"), FieldPanel("term_pt"), FieldPanel("term_en")]),
        FieldRowPanel([FieldPanel("plural_es"), FieldPanel("plural_pt"), FieldPanel("plural_en")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["term_es"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return " / ".join(t for t in (self.term_es, self.term_pt, self.term_en) if t)

    @classmethod
    def as_dicts(cls) -> list[dict[str, str]]:
        fields = {"es": "term_es", "pt": "term_pt", "en": "term_en"}
        fields |= {f"plural_{language}": f"plural_{language}" for language in ("es", "pt", "en")}
        return [{key: row[name] for key, name in fields.items()} for row in cls.objects.values(*fields.values())]

    def plurals(self) -> str:
        """The plurals the glossary finds and writes, as the secretariat checks them in the list."""
        return " / ".join(
            getattr(self, f"plural_{language}") or plural(getattr(self, f"term_{language}"), language)
            for language in ("es", "pt", "en")
            if getattr(self, f"term_{language}")
        )

    plurals.short_description = _("plurals")


class TextOrigin(models.TextChoices):
    ORIGINAL = "original", _("original")
    MACHINE = "machine", _("machine translation, not reviewed")
    REVIEWED = "reviewed", _("translation reviewed")


class TranslatedText(models.Model):
    """A translated page whose text was (partly) drafted by the machine translator.

    Human translations made before have no row and count as reviewed; a machine draft
    becomes reviewed when a person says so in the admin (and only then loses its banner).
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translated_text", verbose_name=_("page")
    )
    origin = models.CharField(_("text"), max_length=10, choices=TextOrigin.choices, default=TextOrigin.MACHINE)
    source_language = models.CharField(_("translated from"), max_length=2)
    engines = models.CharField(_("engines"), max_length=120, blank=True)
    segments = models.PositiveIntegerField(_("machine-translated segments"), default=0)
    unknown_words = models.JSONField(_("words the engine did not know"), default=list, blank=True)
    translated_at = models.DateTimeField(_("translated at"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("translated text")
        verbose_name_plural = _("translated texts")

    def __str__(self):
        return f"{self.page_id}: {self.origin}"


class TranslationJob(models.Model):
    """One original page to translate into one language, processed outside the request."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("engine not installed")

    MAX_ATTEMPTS = 5

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    target_locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    not_before = models.DateTimeField(_("next attempt"), default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "target_locale"], name="one_job_per_page_and_language")]
        verbose_name = _("translation job")
        verbose_name_plural = _("translation jobs")

    def __str__(self):
        return f"{self.page_id} → {self.target_locale_id} ({self.status})"

    def fail(self, error: str) -> None:
        """Retried later with a growing delay (5, 10, 20, 40 minutes), then left failed for a person."""
        self.attempts += 1
        self.last_error = error[:2000]
        self.status = self.Status.FAILED
        self.not_before = timezone.now() + timedelta(minutes=5 * 2 ** (self.attempts - 1))
        self.save()

    @classmethod
    def due(cls):
        return cls.objects.filter(
            models.Q(status=cls.Status.PENDING)
            | models.Q(status=cls.Status.FAILED, attempts__lt=cls.MAX_ATTEMPTS, not_before__lte=timezone.now())
        ).order_by("created_at", "pk")

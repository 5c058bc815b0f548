"""Saving one checked record as a practice page in the original-language tree (create or update)."""

import re
from html import escape

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from ..models import InstitutionPage, PracticePage, ResultIndicator
from ..taxonomy import Country, IndicatorType, Keyword, Mechanism, ProcedureStage, Topic
from .schema import PracticeRecord

STEP = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")


def paragraphs_to_html(text: str) -> str:
    """Plain text with blank lines between paragraphs -> <p> elements (line breaks kept)."""
    parts = [part.strip() for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "".join("<p>{}</p>".format("<br/>".join(escape(line) for line in part.splitlines())) for part in parts)


def approach_to_stream(text: str) -> list[tuple[str, object]]:
    """Paragraphs become text blocks; consecutive lines numbered "1. ", "2. "… become a steps block."""
    blocks: list[tuple[str, object]] = []
    for part in (p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()):
        lines = [line for line in part.splitlines() if line.strip()]
        steps = [STEP.match(line) for line in lines]
        if all(steps):
            if blocks and blocks[-1][0] == "steps":
                blocks[-1][1].extend(m.group(2).strip() for m in steps)
            else:
                blocks.append(("steps", [m.group(2).strip() for m in steps]))
        else:
            blocks.append(("text", paragraphs_to_html(part)))
    return blocks


class PracticeWriter:
    """Caches the lookups an import needs, so writing N practices costs no N+1 over the vocabularies."""

    def __init__(self, *, mark_demo: bool = False):
        self.locale = Locale.get_default()
        self.mark_demo = mark_demo
        self.institutions = {
            page.country.iso2: page
            for page in InstitutionPage.objects.filter(locale=self.locale).select_related("country")
        }
        self.countries = {c.iso2: c for c in Country.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.stages = {s.slug: s for s in ProcedureStage.objects.all()}
        self.indicator_types = {t.slug: t for t in IndicatorType.objects.all()}
        self.mechanisms = {m.slug: m for m in Mechanism.objects.all()}

    def existing_external_ids(self) -> set[str]:
        return set(
            PracticePage.objects.filter(locale=self.locale)
            .exclude(external_id="")
            .values_list("external_id", flat=True)
        )

    def missing_institution(self, record: PracticeRecord) -> bool:
        return record.country not in self.institutions

    def write(self, record: PracticeRecord) -> tuple[PracticePage, bool]:
        institution = self.institutions[record.country]
        page = PracticePage.objects.filter(external_id=record.external_id, locale=self.locale).first()
        created = page is None
        if created:
            page = PracticePage(external_id=record.external_id, locale=self.locale, live=False)
        self._fill(page, record)
        if created:
            institution.add_child(instance=page)
            create_aliases_for_new_page(page)
        elif page.get_parent().pk != institution.pk:
            move_with_translations(page, institution)
            page.refresh_from_db()
            self._fill(page, record)
        revision = page.save_revision(clean=True)
        if record.publish:
            revision.publish()
            if not created:
                sync_translations(page)
        return page, created

    def _fill(self, page: PracticePage, record: PracticeRecord) -> None:
        page.title = record.title
        if not page.slug:
            page.slug = ""  # Wagtail derives a unique slug from the title on clean()
        page.kind = record.kind
        page.original_language = record.language
        page.summary = record.summary
        page.problem = paragraphs_to_html(record.problem)
        page.approach = approach_to_stream(record.approach) if record.approach else []
        page.lessons = [("lesson", lesson) for lesson in record.lessons]
        page.status = record.status
        page.year_started = record.year_started
        page.year_ended = record.year_ended
        page.contact_name = record.contact_name
        page.contact_email = record.contact_email
        page.resources_staff = record.resources_staff
        page.resources_budget = record.resources_budget
        page.resources_time = record.resources_time
        page.support_organizations = record.support_organizations
        page.transferability = record.transferability
        if self.mark_demo:
            page.is_demo = True
        page.stages = [self.stages[slug] for slug in record.stages]
        page.mechanisms = [self.mechanisms[slug] for slug in record.mechanisms]
        page.partners = [self.countries[code] for code in record.partners]
        page.topics.set([self.topics[slug] for slug in record.topics])
        page.keywords.set([_keyword(word) for word in record.keywords])
        page.results = [
            ResultIndicator(
                indicator_type=self.indicator_types.get(row.type),
                indicator=row.indicator,
                baseline=row.baseline,
                result=row.result,
                unit=row.unit,
                period=row.period,
                period_start=row.period_start,
                period_end=row.period_end,
                basis=row.basis,
                source=row.source,
                locale=self.locale,
                sort_order=position,
            )
            for position, row in enumerate(record.results)
        ]


def move_with_translations(page: PracticePage, institution: InstitutionPage) -> None:
    """Moves the original and its aliases and translations, each under the institution in its own tree."""
    for version in PracticePage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk):
        target = institution.get_translation_or_none(version.locale)
        if target is not None:
            version.move(target, pos="last-child")
    page.move(institution, pos="last-child")


def sync_translations(page: PracticePage) -> None:
    """Brings real translations in step with the updated original (aliases follow on publish).

    As wagtail-localize's "Sync translated pages": synchronised fields are copied, text already
    translated stays, new text shows in the original language until it is translated.
    """
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    if source is None:
        return
    source.update_from_db()
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(publish=True)


def _keyword(word: str) -> Keyword:
    """Keywords are case-insensitive: reuse "Triaje" for "triaje"."""
    existing = Keyword.objects.filter(name__iexact=word).first()
    return existing or Keyword.objects.create(name=word)

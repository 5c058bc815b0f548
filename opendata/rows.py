"""One practice as flat data: the record every export writes (JSON nests it, CSV flattens it)."""

import html
import re
from decimal import Decimal

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from practices.indicators import change_percent
from practices.taxonomy import IndicatorType
from translation.services import text_origin

BLOCK_BREAKS = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
SPACES = re.compile(r"[ \t\r\f\v]+")


def decimal_number(value: Decimal | None):
    """Indicator values as JSON numbers: whole numbers without a decimal point."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def plain_text(markup: str) -> str:
    """Rich text as readable plain text: one line per paragraph or list item."""
    text = html.unescape(strip_tags(BLOCK_BREAKS.sub("\n", markup or "")))
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def stream_text(raw_blocks) -> str:
    """A StreamField's text from its stored form, without loading images or documents."""
    parts = []
    for block in raw_blocks:
        value = block.get("value")
        kind = block.get("type")
        if kind == "text":
            parts.append(plain_text(value))
        elif kind == "steps":
            items = [item.get("value", "") if isinstance(item, dict) else item for item in value or []]
            parts.append("\n".join(f"{number}. {item}" for number, item in enumerate(items, 1)))
        elif kind == "quote":
            attribution = value.get("attribution")
            parts.append(f"«{value.get('quote', '')}»" + (f" ({attribution})" if attribution else ""))
        elif kind == "image":
            parts.append(value.get("caption") or value.get("alt_text") or "")
        elif kind == "document":
            parts.append(value.get("title") or "")
        elif kind == "lesson":
            parts.append(value or "")
    return "\n".join(part for part in parts if part)


# Column key -> header label. The order is the CSV's column order, and stays stable.
PRACTICE_COLUMNS = [
    ("id", _("ID")),
    ("external_id", _("External identifier")),
    ("title", _("Title")),
    ("url", _("Address (URL)")),
    ("kind", _("Kind")),
    ("status", _("Status")),
    ("country_code", _("Country code")),
    ("country", _("Country")),
    ("institution", _("Institution")),
    ("partner_countries", _("Partner countries")),
    ("topics", _("Topics")),
    ("stages", _("Procedure stages")),
    ("mechanisms", _("Mechanisms")),
    ("year_started", _("Year started")),
    ("year_ended", _("Year ended")),
    ("language", _("Language of the text")),
    ("text_origin", _("Text: original, machine translation or reviewed translation")),
    ("summary", _("Summary")),
    ("problem", _("Problem addressed")),
    ("approach", _("Approach")),
    ("indicator_count", _("Result indicators")),
    ("lessons", _("Lessons learned")),
    ("resources_staff", _("Staff")),
    ("resources_budget", _("Budget range")),
    ("resources_time", _("Time needed")),
    ("support_organizations", _("Supporting organisations")),
    ("transferability", _("Transferability")),
    ("contact_name", _("Contact person")),
    ("contact_institution", _("Contact institution")),
    ("contact_website", _("Institution website")),
    ("first_published_at", _("First published")),
    ("last_published_at", _("Last published")),
]

INDICATOR_COLUMNS = [
    ("practice_id", _("Practice ID")),
    ("practice_title", _("Practice")),
    ("practice_url", _("Address (URL)")),
    ("country_code", _("Country code")),
    ("type", _("Indicator type")),
    ("indicator", _("Indicator")),
    ("baseline", _("Baseline")),
    ("result", _("Result")),
    ("change", _("Change")),
    ("change_percent", _("Change (%)")),
    ("unit", _("Unit")),
    ("period", _("Period")),
    ("period_start", _("Period start")),
    ("period_end", _("Period end")),
    ("source", _("Source")),
]

LIST_SEPARATOR = "; "


def practice_record(page, *, url: str, language: str) -> dict:
    """Everything public about a practice, labels in `language`. The contact e-mail is left out:
    the site never puts it in HTML either (it is revealed on request, see docs/content-model.md)."""
    institution = page.institution
    return {
        "id": page.pk,
        "external_id": page.external_id or None,
        "title": page.title,
        "url": url,
        "kind": page.get_kind_display(),
        "kind_code": page.kind,
        "status": page.get_status_display(),
        "status_code": page.status,
        "country_code": page.country.iso2 if page.country else None,
        "country": page.country.localized_name(language) if page.country else None,
        "institution": institution.title if institution else None,
        "institution_slug": institution.slug if institution else None,
        "partner_countries": [country.localized_name(language) for country in page.partners.all()],
        "partner_country_codes": [country.iso2 for country in page.partners.all()],
        "topics": [tagged.tag.localized_name(language) for tagged in page.tagged_topics.all()],
        "topic_slugs": [tagged.tag.slug for tagged in page.tagged_topics.all()],
        "stages": [stage.localized_name(language) for stage in page.stages.all()],
        "mechanisms": [mechanism.localized_name(language) for mechanism in page.mechanisms.all()],
        "year_started": page.year_started,
        "year_ended": page.year_ended,
        "language": page.content_language,
        "text_origin": text_origin(page),
        "summary": page.summary,
        "problem": plain_text(page.problem),
        "approach": stream_text(page.approach.raw_data),
        "lessons": [block["value"] for block in page.lessons.raw_data if block.get("type") == "lesson"],
        "resources_staff": page.resources_staff,
        "resources_budget": page.get_resources_budget_display() if page.resources_budget else "",
        "resources_time": page.resources_time,
        "support_organizations": page.support_organizations,
        "transferability": page.transferability,
        "contact_name": page.contact_name,
        "contact_institution": institution.title if institution else None,
        "contact_website": institution.website if institution else "",
        "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
        "indicators": [indicator_record(row) for row in page.results.all()],
    }


def indicator_record(row) -> dict:
    """One result indicator as the API and the exports give it: `type` is the slug of the shared
    indicator type (null for a free label), `period` the period as the page shows it."""
    return {
        "type": IndicatorType.slug_of(row.indicator_type_id),
        "indicator": row.indicator,
        "baseline": decimal_number(row.baseline),
        "result": decimal_number(row.result),
        "change": decimal_number(row.change),
        "change_percent": decimal_number(change_percent(row.baseline, row.result)),
        "unit": row.unit,
        "period": row.period_label,
        "period_start": row.period_start.isoformat() if row.period_start else None,
        "period_end": row.period_end.isoformat() if row.period_end else None,
        "source": row.source,
    }


def practice_csv_row(record: dict) -> list:
    flat = dict(record, indicator_count=len(record["indicators"]), lessons="\n".join(record["lessons"]))
    return [
        LIST_SEPARATOR.join(flat[key]) if isinstance(flat[key], list) else flat[key] for key, _label in PRACTICE_COLUMNS
    ]


def indicator_csv_rows(record: dict) -> list[list]:
    return [
        [record["id"], record["title"], record["url"], record["country_code"]]
        + [row[key] for key, _label in INDICATOR_COLUMNS[4:]]
        for row in record["indicators"]
    ]

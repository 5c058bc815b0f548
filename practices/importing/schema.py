"""Checking one raw record against the format and the vocabularies; every problem is named by field."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..choices import FIRST_YEAR, BudgetRange, ContentLanguage, FigureBasis, PracticeKind, PracticeStatus
from ..indicators import parse_period
from ..models import PracticePage, ResultIndicator
from ..numbers import parse_number
from ..taxonomy import Country, IndicatorType, Mechanism, ProcedureStage, Topic
from .errors import RecordError

EXTERNAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")
REQUIRED = ("external_id", "country", "kind", "language", "title", "summary", "problem", "status", "year_started")
OPTIONAL = (
    "approach", "lessons", "results", "topics", "keywords", "stages", "mechanisms", "partners",
    "year_ended", "contact_name", "contact_email", "publish", "resources_staff", "resources_budget",
    "resources_time", "support_organizations", "transferability",
)  # fmt: skip
# Rich text and streams have no length in the model; these bound what one import line may hold.
# Every other length (title, summary, contact, resources, supporting organisations, the result
# indicators' texts) is the model's own, checked by its clean_fields() (`model_errors`).
TEXT_LIMITS = {"problem": 20_000, "approach": 50_000, "transferability": 10_000}
RESULT_TEXTS = ("indicator", "unit", "period", "source")
# The practice's fields whose values the record gives as they are stored, checked by the model.
MODEL_CHECKED = (
    "title", "summary", "contact_name", "resources_staff", "resources_time", "support_organizations",
)  # fmt: skip
MAX_DECIMAL = Decimal("999999999999.99")


@dataclass
class ResultRow:
    indicator: str
    baseline: Decimal | None
    result: Decimal
    unit: str = ""
    period: str = ""
    source: str = ""
    type: str = ""  # the slug of a shared IndicatorType
    period_start: date | None = None
    period_end: date | None = None
    basis: str = ""  # FigureBasis: "" (the whole period), "year" or "month"


@dataclass
class PracticeRecord:
    line: int
    external_id: str
    country: str
    kind: str
    language: str
    title: str
    summary: str
    problem: str
    status: str
    year_started: int
    approach: str = ""
    lessons: list[str] = field(default_factory=list)
    results: list[ResultRow] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    mechanisms: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    year_ended: int | None = None
    contact_name: str = ""
    contact_email: str = ""
    publish: bool = False
    resources_staff: str = ""
    resources_budget: str = ""
    resources_time: str = ""
    support_organizations: str = ""
    transferability: str = ""


class Vocabulary:
    """The known codes and slugs, read once per import."""

    def __init__(self):
        self.countries = set(Country.objects.values_list("iso2", flat=True))
        self.topics = set(Topic.objects.values_list("slug", flat=True))
        self.stages = set(ProcedureStage.objects.values_list("slug", flat=True))
        self.mechanisms = set(Mechanism.objects.values_list("slug", flat=True))
        self.indicator_types = set(IndicatorType.objects.values_list("slug", flat=True))
        self.last_year = date.today().year + 1


class _Checker:
    def __init__(self, line: int, data: dict, vocabulary: Vocabulary):
        self.line, self.data, self.vocabulary = line, data, vocabulary
        self.errors: list[RecordError] = []

    def error(self, name: str, message: str) -> None:
        self.errors.append(RecordError(self.line, name, message))

    def text(self, name: str, *, required: bool = False) -> str:
        value = self.data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(name, _("this field is required."))
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(name, _("must be text."))
            return ""
        value = str(value).strip()
        limit = TEXT_LIMITS.get(name)
        if limit and len(value) > limit:
            self.error(
                name, _("is %(length)s characters long; at most %(limit)s.") % {"length": len(value), "limit": limit}
            )
        return value

    def choice(self, name: str, choices, *, required: bool = True, default: str = "") -> str:
        value = self.text(name, required=required)
        if value and value not in choices:
            self.error(
                name,
                _("unknown value “%(value)s”; use one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(choices)},
            )
        return value or default

    def string_list(self, name: str, *, item_limit: int = 255) -> list[str]:
        value = self.data.get(name)
        if value is None:
            return []
        if isinstance(value, str):
            value = [part.strip() for part in value.split(";")]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.error(name, _("must be a list of texts."))
            return []
        items = [item.strip() for item in value if item.strip()]
        for item in items:
            if len(item) > item_limit:
                self.error(name, _("an item is longer than %(limit)s characters.") % {"limit": item_limit})
                break
        return items

    def slugs(self, name: str, known: set[str], *, upper: bool = False) -> list[str]:
        items = [item.upper() if upper else item.lower() for item in self.string_list(name)]
        unknown = [item for item in items if item not in known]
        if unknown:
            self.error(name, _("unknown code(s): %(codes)s.") % {"codes": ", ".join(unknown)})
        return list(dict.fromkeys(item for item in items if item in known))

    def year(self, name: str, *, required: bool) -> int | None:
        value = self.data.get(name)
        if value in (None, ""):
            if required:
                self.error(name, _("this field is required."))
            return None
        try:
            if isinstance(value, bool):
                raise ValueError
            year = int(str(value).strip()) if not isinstance(value, float) or value.is_integer() else None
            if year is None:
                raise ValueError
        except ValueError:
            self.error(name, _("“%(value)s” is not a year.") % {"value": str(value)[:40]})
            return None
        if not FIRST_YEAR <= year <= self.vocabulary.last_year:
            self.error(
                name,
                _("year %(year)s is out of range (%(first)s–%(last)s).")
                % {"year": year, "first": FIRST_YEAR, "last": self.vocabulary.last_year},
            )
            return None
        return year

    def boolean(self, name: str) -> bool:
        value = self.data.get(name)
        if value in (None, ""):
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in {"true", "yes", "1", "sí", "si", "sim"}:
            return True
        if isinstance(value, str) and value.strip().lower() in {"false", "no", "0", "não", "nao"}:
            return False
        self.error(name, _("must be true or false."))
        return False

    def number(self, name: str, value, *, required: bool) -> Decimal | None:
        if value in (None, ""):
            if required:
                self.error(name, _("a number is required."))
            return None
        if isinstance(value, bool):
            self.error(name, _("“%(value)s” is not a number.") % {"value": value})
            return None
        try:
            # Text is read as the record's language writes numbers: the admin's rule (numbers.py).
            number = parse_number(value if isinstance(value, int | float) else str(value), self.number_language())
        except ValidationError as error:
            self.error(name, error.messages[0])
            return None
        if not number.is_finite() or abs(number) > MAX_DECIMAL:
            self.error(name, _("“%(value)s” is not a number.") % {"value": str(value)[:40]})
            return None
        return number.quantize(Decimal("0.01"))

    def number_language(self) -> str:
        language = self.data.get("language")
        return language if language in ContentLanguage.values else "es"

    def model_errors(self, instance, values: dict, *, prefix: str = "") -> None:
        """The model's own field rules (lengths, choices) on the values given: the messages of its
        clean_fields(), as the admin shows them. Empty values are left to the checks above."""
        given = {name for name, value in values.items() if value not in ("", None)}
        others = [field.name for field in type(instance)._meta.get_fields() if field.name not in given]
        try:
            instance.clean_fields(exclude=others)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.error(prefix + name, " ".join(messages))

    def results(self) -> list[ResultRow]:
        value = self.data.get("results")
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.error("results", _("must be a list of objects."))
            return []
        rows = []
        for position, item in enumerate(value, start=1):
            name = f"results[{position}]"
            if not isinstance(item, dict):
                self.error(
                    name, _("must be an object with type, indicator, baseline, result, unit, period and source.")
                )
                continue
            unknown = sorted(
                set(item) - {"type", "indicator", "baseline", "result", "unit", "period", "source", "basis"}
            )
            if unknown:
                self.error(name, _("unknown key(s): %(keys)s.") % {"keys": ", ".join(unknown)})
            texts = {key: "" if item.get(key) is None else str(item[key]).strip() for key in RESULT_TEXTS}
            kind = item.get("type")
            kind = "" if kind is None else str(kind).strip()
            if kind and kind not in self.vocabulary.indicator_types:
                self.error(f"{name}.type", _("unknown indicator type “%(slug)s”.") % {"slug": kind[:80]})
                kind = ""
            if not texts["indicator"] and not kind:
                self.error(f"{name}.indicator", _("this field is required (or give a type)."))
            else:
                self.model_errors(ResultIndicator(**texts), texts, prefix=f"{name}.")
            result = self.number(f"{name}.result", item.get("result"), required=True)
            baseline = self.number(f"{name}.baseline", item.get("baseline"), required=False)
            # Plain years become dates; any other period stays text (practices/indicators.py).
            dates = parse_period(texts["period"])
            if dates:
                texts["period"] = ""
            start, end = dates or (None, None)
            # What the figures count (a year of the period, a month of it), for totals: "period" or none
            # is the whole period.
            basis = "" if item.get("basis") in (None, "", "period") else str(item["basis"]).strip()
            if basis not in FigureBasis.values:
                self.error(f"{name}.basis", _("must be “period”, “year” or “month”."))
                basis = ""
            if (texts["indicator"] or kind) and result is not None:
                rows.append(
                    ResultRow(
                        baseline=baseline,
                        result=result,
                        type=kind,
                        period_start=start,
                        period_end=end,
                        basis=basis,
                        **texts,
                    )
                )
        return rows


def check_record(line: int, data: dict, vocabulary: Vocabulary) -> tuple[PracticeRecord | None, list[RecordError]]:
    check = _Checker(line, data, vocabulary)
    unknown = sorted(key for key in data if key not in REQUIRED and key not in OPTIONAL)
    if unknown:
        check.error("", _("unknown key(s): %(keys)s.") % {"keys": ", ".join(unknown)})

    external_id = check.text("external_id", required=True)
    if external_id and not EXTERNAL_ID.match(external_id):
        check.error("external_id", _("use at most 100 letters, digits, dots, colons, hyphens or underscores."))
    country = check.text("country", required=True).upper()
    if country and country not in vocabulary.countries:
        check.error(
            "country",
            _("unknown country “%(code)s” (use an ISO 3166-1 alpha-2 code of a member state).") % {"code": country},
        )
    partners = check.slugs("partners", vocabulary.countries, upper=True)
    if country in partners:
        check.error("partners", _("the publishing country cannot also be its own partner."))
    year_started = check.year("year_started", required=True)
    year_ended = check.year("year_ended", required=False)
    if year_started and year_ended and year_ended < year_started:
        check.error("year_ended", _("is before year_started."))
    contact_email = check.text("contact_email")
    if contact_email:
        try:
            validate_email(contact_email)
        except ValidationError:
            check.error(
                "contact_email", _("“%(value)s” is not a valid e-mail address.") % {"value": contact_email[:80]}
            )
    organizations = check.string_list("support_organizations")

    title = check.text("title", required=True)
    if title and not slugify(title):
        check.error("title", _("needs at least one letter or digit of the Latin alphabet, for the page address."))

    record = PracticeRecord(
        line=line,
        external_id=external_id,
        country=country,
        kind=check.choice("kind", PracticeKind.values),
        language=check.choice("language", ContentLanguage.values),
        title=title,
        summary=check.text("summary", required=True),
        problem=check.text("problem", required=True),
        status=check.choice("status", PracticeStatus.values),
        year_started=year_started or 0,
        approach=check.text("approach"),
        lessons=check.string_list("lessons", item_limit=2000),
        results=check.results(),
        topics=check.slugs("topics", vocabulary.topics),
        keywords=check.string_list("keywords", item_limit=100),
        stages=check.slugs("stages", vocabulary.stages),
        mechanisms=check.slugs("mechanisms", vocabulary.mechanisms),
        partners=partners,
        year_ended=year_ended,
        contact_name=check.text("contact_name"),
        contact_email=contact_email,
        publish=check.boolean("publish"),
        resources_staff=check.text("resources_staff"),
        resources_budget=check.choice("resources_budget", BudgetRange.values, required=False),
        resources_time=check.text("resources_time"),
        support_organizations=", ".join(organizations),
        transferability=check.text("transferability"),
    )
    stored = {name: getattr(record, name) for name in MODEL_CHECKED}
    check.model_errors(PracticePage(**stored), stored)
    return (None if check.errors else record), check.errors

"""Fixed vocabularies of a practice (code values are stable; labels are translated)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.years import FIRST_YEAR, LAST_YEAR  # noqa: F401 (the bounds live in core: core/params.py checks years too)


class PracticeKind(models.TextChoices):
    PRACTICE = "practice", _("Good practice")
    LESSON = "lesson", _("Lesson learned")


class PracticeStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    IMPLEMENTED = "implemented", _("Implemented")
    SCALED = "scaled", _("Scaled up")
    DISCONTINUED = "discontinued", _("Discontinued")


class BudgetRange(models.TextChoices):
    NONE = "none", _("No additional budget")
    LOW = "low", _("Low (under USD 50,000)")
    MEDIUM = "medium", _("Medium (USD 50,000 – 250,000)")
    HIGH = "high", _("High (over USD 250,000)")


class ContentLanguage(models.TextChoices):
    SPANISH = "es", "Español"
    ENGLISH = "en", "English"
    PORTUGUESE = "pt", "Português"


# Institutions write in their country's official language (English for Belize and Guyana).
COUNTRY_LANGUAGES = {"BR": ContentLanguage.PORTUGUESE, "BZ": ContentLanguage.ENGLISH, "GY": ContentLanguage.ENGLISH}


def language_of_country(iso2: str) -> str:
    return COUNTRY_LANGUAGES.get(iso2, ContentLanguage.SPANISH).value


class IndicatorDirection(models.TextChoices):
    """Which way an indicator improves: a backlog or a waiting time should fall, a rate should rise."""

    LOWER = "lower", _("Lower is better")
    HIGHER = "higher", _("Higher is better")


class IndicatorMeasure(models.TextChoices):
    """What a type's figure is: a level read at a moment (a backlog, a waiting time, a share), or a total
    counted over the period (applications registered, staff trained). Only totals depend on the length
    of the period, so only they are also compared per month or per year (practices/indicators.py)."""

    LEVEL = "level", _("A level at the end of the period (a backlog, a waiting time, a share)")
    TOTAL = "total", _("A total over the period (applications registered, people trained)")


class FigureBasis(models.TextChoices):
    """What one row's figures count, for a type that is a total: the whole period, or one year or one
    month of it (an institution that reports "420 applications a year")."""

    PERIOD = "", _("The whole period")
    YEAR = "year", _("One year")
    MONTH = "month", _("One month")


class IndicatorUnit(models.TextChoices):
    """The canonical units of the shared indicator types, named in the visitor's language, so that
    "casos", "cases" and "processos" line up in one column."""

    APPLICATIONS = "applications", _("applications")
    CASES = "cases", _("cases")
    DAYS = "days", _("days")
    DECISIONS_PER_MONTH = "decisions-per-month", _("decisions per month")
    PEOPLE = "people", _("people")
    PERCENT = "percent", "%"

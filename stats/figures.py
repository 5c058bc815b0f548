"""The dashboard's figures, each in a fixed number of queries whatever the amount of data.

Practices are counted in the Spanish tree: every practice has exactly one page there (the
original, whatever language it was written in), so each is counted once. Views are counted in
every tree and added up per practice.
"""

from datetime import date, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from exchange.choices import RequestStatus
from exchange.models import ExchangeRequest
from practices.choices import PracticeKind, PracticeStatus
from practices.models import InstitutionPage, PracticePage
from practices.queries import published_practices
from practices.taxonomy import Country, ProcedureStage, TaggedTopic, Topic
from search.models import SearchTermStat

from .models import PracticeView
from .tables import Row, Table

PERIODS = (30, 90, 365)
DEFAULT_PERIOD = 30
TOP = 20
TIMELINE_MONTHS = 24


def _by_count(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: (-row.bar_value, row.label.casefold()))


def _published():
    return published_practices(locale=Locale.get_default())


def practices_by_country() -> Table:
    counts = dict(_published().values_list("country_id").annotate(n=Count("pk")).order_by())
    rows = [Row(country.localized_name(), [counts.get(country.pk, 0)]) for country in Country.objects.all()]
    return Table("countries", _("Published practices by country"), [_("Country"), _("Practices")], _by_count(rows))


def practices_by_topic() -> Table:
    counts = dict(
        TaggedTopic.objects.filter(content_object__in=_published().values("pk"))
        .values_list("tag_id")
        .annotate(n=Count("content_object_id", distinct=True))
        .order_by()
    )
    rows = [Row(topic.localized_name(), [counts.get(topic.pk, 0)]) for topic in Topic.objects.all()]
    return Table(
        "topics",
        _("Published practices by topic"),
        [_("Topic"), _("Practices")],
        _by_count(rows),
        note=_("A practice may have several topics, so the numbers add up to more than the practices."),
    )


def practices_by_stage() -> Table:
    through = PracticePage.stages.through
    counts = dict(
        through.objects.filter(practicepage__in=_published().values("pk"))
        .values_list("procedurestage_id")
        .annotate(n=Count("practicepage_id", distinct=True))
        .order_by()
    )
    # In the order of the procedure, not by count: the stages are a sequence.
    rows = [Row(stage.localized_name(), [counts.get(stage.pk, 0)]) for stage in ProcedureStage.objects.all()]
    return Table(
        "stages",
        _("Published practices by stage of the procedure"),
        [_("Stage"), _("Practices")],
        rows,
        note=_("A practice may improve several stages, so the numbers add up to more than the practices."),
    )


def practices_by_status_and_kind() -> tuple[Table, Table]:
    pairs = list(_published().values_list("status", "kind").annotate(n=Count("pk")).order_by())
    status = {code: 0 for code in PracticeStatus.values}
    kind = {code: 0 for code in PracticeKind.values}
    for status_code, kind_code, n in pairs:
        status[status_code] = status.get(status_code, 0) + n
        kind[kind_code] = kind.get(kind_code, 0) + n
    status_labels, kind_labels = dict(PracticeStatus.choices), dict(PracticeKind.choices)
    return (
        Table(
            "status",
            _("Published practices by status"),
            [_("Status"), _("Practices")],
            [Row(str(status_labels.get(code, code)), [n]) for code, n in status.items()],
        ),
        Table(
            "kinds",
            _("Published practices by kind"),
            [_("Kind"), _("Practices")],
            [Row(str(kind_labels.get(code, code)), [n]) for code, n in kind.items()],
        ),
    )


def _month_starts(today: date, months: int) -> list[date]:
    year, month = today.year, today.month
    starts = []
    for _i in range(months):
        starts.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(starts))


def publications_per_month(today: date) -> Table:
    months = _month_starts(today, TIMELINE_MONTHS)
    # first_published_at is the practice's publication; later revisions do not move it.
    counts = {}
    for month, n in (
        _published()
        .filter(first_published_at__date__gte=months[0])
        .annotate(month=TruncMonth("first_published_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = month.date() if hasattr(month, "date") else month
        counts[key] = counts.get(key, 0) + n
    rows = [
        Row(date_format(month, "YEAR_MONTH_FORMAT"), [counts.get(month, 0)], short=date_format(month, "M Y"))
        for month in months
    ]
    return Table(
        "months",
        _("Practices published per month (last 24 months)"),
        [_("Month"), _("Practices published")],
        rows,
        note=_("By the date of first publication."),
    )


def _language_name(code: str) -> str:
    from django.conf import settings

    return str(dict(settings.LANGUAGES).get(code, code))


def searches(since: date) -> tuple[Table, Table, dict]:
    stats = SearchTermStat.objects.filter(day__gte=since)
    totals = stats.aggregate(searches=Sum("searches"), zero_results=Sum("zero_results"))
    top = (
        stats.values_list("query", "language")
        .annotate(n=Sum("searches"), zero=Sum("zero_results"))
        .order_by("-n", "query", "language")[:TOP]
    )
    zero = (
        stats.filter(zero_results__gt=0)
        .values_list("query", "language")
        .annotate(zero=Sum("zero_results"))
        .order_by("-zero", "query", "language")[:TOP]
    )
    headings = [_("Search"), _("Searches"), _("Language"), _("Without results")]
    return (
        Table(
            "searches",
            _("Most frequent searches"),
            headings,
            [Row(query, [n, _language_name(language), z], lang=language) for query, language, n, z in top],
            empty=_("No searches in this period."),
        ),
        Table(
            "zero-results",
            _("Searches without results"),
            [_("Search"), _("Searches without results"), _("Language")],
            [Row(query, [z, _language_name(language)], lang=language) for query, language, z in zero],
            note=_("What visitors looked for and did not find: topics for new practices or for the thesaurus."),
            empty=_("No search without results in this period."),
        ),
        {"searches": totals["searches"] or 0, "zero_results": totals["zero_results"] or 0},
    )


def exchange_requests(since: date) -> tuple[Table, Table]:
    rows = list(
        ExchangeRequest.objects.values_list("institution_id", "status")
        .annotate(n=Count("pk"), recent=Count("pk", filter=Q(created_at__date__gte=since)))
        .order_by()
    )
    statuses = RequestStatus.values
    by_status = {code: [0, 0] for code in statuses}
    by_institution: dict = {}
    for institution_id, status, n, recent in rows:
        by_status.setdefault(status, [0, 0])
        by_status[status][0] += n
        by_status[status][1] += recent
        counts = by_institution.setdefault(institution_id, {"total": 0, "recent": 0})
        counts["total"] += n
        counts["recent"] += recent
        counts[status] = counts.get(status, 0) + n
    labels = dict(RequestStatus.choices)
    status_table = Table(
        "exchange-status",
        _("Exchange requests by status"),
        [_("Status"), _("Requests"), _("Received in the period")],
        [Row(str(labels.get(code, code)), values) for code, values in by_status.items()],
    )
    institutions = InstitutionPage.objects.filter(locale=Locale.get_default())
    institution_rows = []
    for institution in institutions:
        counts = by_institution.pop(institution.pk, {})
        institution_rows.append(
            Row(
                institution.display_name,
                [counts.get("total", 0), counts.get("recent", 0), *(counts.get(code, 0) for code in statuses)],
            )
        )
    for counts in by_institution.values():  # requests whose institution page was deleted
        institution_rows.append(
            Row(
                _("Institution deleted"),
                [counts["total"], counts["recent"], *(counts.get(code, 0) for code in statuses)],
            )
        )
    institution_table = Table(
        "exchange-institutions",
        _("Exchange requests by publishing institution"),
        [_("Institution"), _("Requests"), _("Received in the period"), *(str(labels[code]) for code in statuses)],
        _by_count(institution_rows),
    )
    return status_table, institution_table


def most_viewed(since: date) -> tuple[Table, int]:
    views = PracticeView.objects.filter(day__gte=since)
    total = views.aggregate(n=Sum("views"))["n"] or 0
    top = list(
        views.values_list("page__translation_key")
        .annotate(n=Sum("views"))
        .order_by("-n", "page__translation_key")[:TOP]
    )
    keys = [key for key, _n in top]
    per_language: dict = {}
    for key, language, n in (
        views.filter(page__translation_key__in=keys)
        .values_list("page__translation_key", "page__locale__language_code")
        .annotate(n=Sum("views"))
        .order_by()
    ):
        per_language.setdefault(key, {})[language] = n
    originals = {
        page.translation_key: page
        for page in PracticePage.objects.filter(locale=Locale.get_default(), translation_key__in=keys).select_related(
            "country"
        )
    }
    languages = ("es", "en", "pt")
    rows = []
    for key, n in top:
        page = originals.get(key)
        if page is None:  # the Spanish original was deleted; its translations' counts go with it
            continue
        label = f"{page.title} ({page.country.localized_name()})" if page.country_id else page.title
        rows.append(
            Row(
                label,
                [n, *(per_language.get(key, {}).get(language, 0) for language in languages)],
                href=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        )
    return (
        Table(
            "views",
            _("Most viewed practices"),
            [_("Practice"), _("Views"), *(_language_name(language) for language in languages)],
            rows,
            note=_(
                "Views of the practice's page in the three languages by visitors who are not logged in; "
                "bots and previews are not counted. Only a number per page and day is stored."
            ),
            empty=_("No views counted in this period."),
        ),
        total,
    )


def dashboard(days: int) -> dict:
    today = timezone.localdate()
    since = today - timedelta(days=days - 1)
    status, kinds = practices_by_status_and_kind()
    top_searches, zero_searches, search_totals = searches(since)
    exchange_status, exchange_institutions = exchange_requests(since)
    views, total_views = most_viewed(since)
    countries = practices_by_country()
    return {
        "since": since,
        "today": today,
        "published": countries.total,
        "search_totals": search_totals,
        "total_views": total_views,
        "practice_tables": [countries, practices_by_topic(), practices_by_stage(), status, kinds],
        "timeline": publications_per_month(today),
        "search_tables": [top_searches, zero_searches],
        "exchange_tables": [exchange_status, exchange_institutions],
        "views": views,
    }

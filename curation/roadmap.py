"""The roadmap page's filters (GET parameters) and what it shows, in a fixed number of queries.

Filters are read as the search page's are (core/forms.py, the lenient `ParameterForm`): codes in
the URL (mechanism slug, ISO country code or `regional`, status code), one value each; an unknown
or repeated value is dropped with a translated message, never an error, and the rest still apply.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from core.forms import CodeField, ParameterForm
from practices.taxonomy import Country, Mechanism

from .commitments import Commitment, CommitmentPractice, CommitmentStatus
from .queries import ordered_practices, practices_in_locale, with_practice_keys

JOINT = "joint"
REGIONAL = "regional"


@dataclass
class Choice:
    code: str
    label: str
    selected: bool = False


@dataclass
class RoadmapFilters:
    mechanism: str = ""
    country: str = ""
    status: str = ""
    mechanisms: list[Choice] = field(default_factory=list)
    countries: list[Choice] = field(default_factory=list)
    statuses: list[Choice] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.mechanism or self.country or self.status)


def parse_roadmap_filters(data) -> RoadmapFilters:
    filters = RoadmapFilters()
    mechanisms = [Choice(m.slug, m.localized_name()) for m in Mechanism.objects.all()]
    filters.mechanisms = [Choice(JOINT, _("Joint (all mechanisms)")), *mechanisms]
    countries = sorted(
        (Choice(c.iso2, c.localized_name()) for c in Country.objects.all()), key=lambda c: c.label.casefold()
    )
    filters.countries = [Choice(REGIONAL, _("Regional")), *countries]
    filters.statuses = [Choice(value, str(label)) for value, label in CommitmentStatus.choices]

    form = RoadmapFilterForm(data, choices=(filters.mechanisms, filters.countries, filters.statuses))
    for name in RoadmapFilterForm.NAMES:
        chosen = form.values[name]
        if chosen:
            chosen[0].selected = True
            setattr(filters, name, chosen[0].code)
    filters.messages = form.messages
    return filters


class RoadmapFilterForm(ParameterForm):
    """The roadmap's three filters, read by the one parameter parser in its lenient flavour (as
    the search page): one code each, an unknown or repeated one dropped with a message."""

    NAMES = ("mechanism", "country", "status")

    def __init__(self, data, *, choices):
        labels = (_("Mechanism"), _("Country"), _("Status"))
        fields = zip(self.NAMES, labels, choices, strict=True)
        self.base_fields = {name: CodeField(options, label=label) for name, label, options in fields}
        super().__init__(data)


def filtered_commitments(*, year: int, filters: RoadmapFilters):
    commitments = Commitment.objects.filter(year=year)
    if filters.mechanism == JOINT:
        commitments = commitments.filter(mechanism__isnull=True)
    elif filters.mechanism:
        # A joint commitment binds every mechanism, so it is listed under each of them too.
        commitments = commitments.filter(Q(mechanism__slug=filters.mechanism) | Q(mechanism__isnull=True))
    if filters.country == REGIONAL:
        commitments = commitments.filter(country__isnull=True)
    elif filters.country:
        commitments = commitments.filter(country__iso2=filters.country)
    if filters.status:
        commitments = commitments.filter(status=filters.status)
    links = with_practice_keys(CommitmentPractice.objects.all())
    return commitments.select_related("mechanism", "country").prefetch_related(
        Prefetch("practice_links", queryset=links)
    )


def roadmap_context(page, request) -> dict:
    filters = parse_roadmap_filters(request.GET)
    commitments = list(filtered_commitments(year=page.year, filters=filters))
    keys = [link.practice_key for c in commitments for link in c.practice_links.all()]
    found = practices_in_locale(keys, locale=page.locale)
    rows = [(c, ordered_practices([link.practice_key for link in c.practice_links.all()], found)) for c in commitments]
    return {
        "filters": filters,
        "commitments": rows,
        "has_demo": any(c.is_demo for c in commitments),
        "total": Commitment.objects.filter(year=page.year).count() if filters.active else len(rows),
    }

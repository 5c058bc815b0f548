"""A followed search goes through the search page's own path: parse_search_parameters -> run_search.

Stored as a normalised query string (q, the facet codes in FACETS order, the year range; never the
order or the page), so that the same search typed twice is one subscription. New practices are
found by running that search sorted by newest and stopping at the subscription's watermark.
"""

from dataclasses import dataclass
from datetime import datetime

from django.http import QueryDict
from django.utils import translation
from wagtail.models import Locale

from search.engine import run_search
from search.facets import FACETS
from search.forms import SearchParameters, parse_search_parameters

# At most this many practices in one digest; beyond them the digest links to the search itself.
DIGEST_LIMIT = 20


def parse(query: str, *, language: str) -> SearchParameters:
    with translation.override(language):
        return parse_search_parameters(QueryDict(query), locale=Locale.objects.get(language_code=language))


def normalise_query(parameters: SearchParameters) -> str:
    """The subscription's identity: the search's own query string, without order or page."""
    return parameters.to_query()


def describe(parameters: SearchParameters) -> list[tuple[str, str]]:
    """(label, value) lines a person reads: the words, each filter's chosen values, the years."""
    from django.utils.translation import gettext as _

    request = parameters.request
    lines = []
    if request.query:
        lines.append((_("Words"), request.query))
    for facet in FACETS:
        codes = set(parameters.codes.get(facet.key, []))
        if codes:
            labels = [option.label for option in parameters.options[facet.key] if option.code in codes]
            lines.append((str(facet.label), ", ".join(labels)))
    if request.year_from is not None or request.year_to is not None:
        lines.append((_("Year started"), f"{request.year_from or '…'}–{request.year_to or '…'}"))
    if not lines:
        lines.append((_("Search"), _("Every practice")))
    return lines


@dataclass
class NewPractices:
    practices: list  # newest first, at most DIGEST_LIMIT
    more: bool  # more new practices than the digest lists


def newest_matches(parameters: SearchParameters, *, since: datetime) -> NewPractices:
    """Practices of the search published after `since`: the search itself, newest first, one page of it."""
    request = parameters.request.replace(sort="newest", offset=0, limit=DIGEST_LIMIT + 1)
    outcome = run_search(request)
    fresh = [p for p in outcome.results if p.first_published_at and p.first_published_at > since]
    return NewPractices(practices=fresh[:DIGEST_LIMIT], more=len(fresh) > DIGEST_LIMIT)

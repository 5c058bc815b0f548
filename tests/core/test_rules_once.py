"""Rules written once in core/ and used by several apps (issue 12): spreadsheet cells, the batch
upsert of the counters, the lenient parameter form outside the search (the roadmap)."""

from datetime import date

import pytest

from core.spreadsheet import defuse
from core.tally import add_counts
from exchange.admin_views import IndexView
from opendata.exports import escape_cell
from search.models import SearchTermStat
from stats.tables import _cell


@pytest.mark.parametrize("typed", ['=HYPERLINK("x")', "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_every_export_defuses_a_formula_the_same_way(typed):
    assert defuse(typed) == "'" + typed
    # The three exports of typed text: open-data CSV, the dashboard's CSV, the exchange admin CSV.
    assert escape_cell(typed) == _cell(typed) == "'" + typed
    view = IndexView()
    assert view.preprocess_field_value("message", typed, view.FORMAT_CSV) == "'" + typed
    assert defuse("Brasil") == "Brasil" and defuse(12) == 12 and escape_cell(None) == ""


@pytest.mark.django_db
def test_a_batch_adds_to_the_existing_row_or_creates_it():
    keys = {"day": date(2026, 1, 2), "language": "es", "query": "agua"}
    add_counts(SearchTermStat, keys=keys, increments={"searches": 2, "zero_results": 1})
    add_counts(SearchTermStat, keys=keys, increments={"searches": 3, "zero_results": 0})
    row = SearchTermStat.objects.get(**keys)
    assert (row.searches, row.zero_results) == (5, 1)


class _RacingRows:
    """SearchTermStat's manager, but another worker inserts the row right after our first UPDATE
    found nothing: our INSERT then meets the unique constraint."""

    def __init__(self):
        self.raced = False

    def filter(self, **keys):
        return _Rows(self, keys)

    def create(self, **values):
        return SearchTermStat.objects.create(**values)


class _Rows:
    def __init__(self, manager, keys):
        self.manager, self.keys = manager, keys

    def update(self, **values):
        if not self.manager.raced:
            self.manager.raced = True
            SearchTermStat.objects.create(**self.keys, searches=10, zero_results=0)  # the other worker
            return 0
        return SearchTermStat.objects.filter(**self.keys).update(**values)


@pytest.mark.django_db
def test_a_row_another_process_inserted_first_is_added_to():
    keys = {"day": date(2026, 1, 3), "language": "pt", "query": "refugio"}
    racing = type("RacingSearchTermStat", (), {"objects": _RacingRows()})
    add_counts(racing, keys=keys, increments={"searches": 1, "zero_results": 1})
    row = SearchTermStat.objects.get(**keys)
    assert (row.searches, row.zero_results) == (11, 1)

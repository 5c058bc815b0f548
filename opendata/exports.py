"""CSV and JSON downloads of a search result set: every matching practice, streamed.

The set is the search page's: the same parameters go through the search's form
(`search/forms.py`, in its strict flavour: a download must not silently contain more than the
visitor asked for) and the same engine. On the database backends the engine gives every matching
id once, in the page's order, without counting facets (`search.engine.matching_ids`), and the rows
are fetched 500 ids at a time: a 10,000-row export used to run the whole search, facet counts
included, 20 times and re-sort wide rows by OFFSET. On Elasticsearch each batch is one request of
the engine (`run_search`, from/size). Either way the export never holds more than one batch of
practices.
"""

import csv
import json
from datetime import date

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from core.http import read_only
from core.spreadsheet import defuse
from practices.models import PracticePage
from search.engine import matching_ids, run_search
from search.facets import FACETS
from search.forms import MAX_RESULT_WINDOW, SearchForm

from .parameters import InvalidParameters, check_choice, check_known_parameters, locale_for
from .rows import (
    INDICATOR_COLUMNS,
    PRACTICE_COLUMNS,
    indicator_csv_rows,
    practice_csv_row,
    practice_record,
)

DEFAULT_BATCH_SIZE = 500
# The search engine pages through at most this many results (Elasticsearch's result window).
MAX_EXPORT_ROWS = MAX_RESULT_WINDOW
LANGUAGES = ("es", "en", "pt")
ROW_KINDS = ("practices", "indicators")
SEARCH_PARAMETERS = {"q", "year_from", "year_to", "sort", *(facet.key for facet in FACETS)}
# Links copied from a search results page carry these; they do not change what is exported.
IGNORED_PARAMETERS = {"page", "page_size"}


def batch_size() -> int:
    return getattr(settings, "OPENDATA_EXPORT_BATCH_SIZE", DEFAULT_BATCH_SIZE)


class Export:
    """One export request: checked parameters, then the matching practices batch by batch."""

    def __init__(self, request, *, file_format: str):
        self.request = request
        self.file_format = file_format
        data = request.GET
        allowed = SEARCH_PARAMETERS | IGNORED_PARAMETERS | {"lang"} | ({"rows"} if file_format == "csv" else set())
        errors = check_known_parameters(data, allowed)
        errors += check_choice(data, "lang", LANGUAGES)
        errors += check_choice(data, "rows", ROW_KINDS)
        self.language = data.get("lang") if data.get("lang") in LANGUAGES else settings.LANGUAGE_CODE
        self.rows = data.get("rows", "practices")
        self.locale = locale_for(self.language)
        with translation.override(self.language):
            search_data = data.copy()
            for name in IGNORED_PARAMETERS | {"lang", "rows"}:
                search_data.pop(name, None)
            # The search page's own form, strict: a bad value is a 400, not a silently bigger set.
            form = SearchForm(search_data, locale=self.locale, strict=True)
            errors += form.problems()
            if errors:
                raise InvalidParameters(errors)
            self.parameters = form.parameters()
            found = matching_ids(self.parameters.request)
            if found is None:
                self.ids, self.first = None, self._search(offset=0)
                self.count, self.degraded = self.first.count, self.first.degraded
            else:
                self.ids, self.degraded = found
                self.count = len(self.ids)
        self.total = min(self.count, MAX_EXPORT_ROWS)

    def _search(self, *, offset: int):
        limit = max(0, min(batch_size(), MAX_EXPORT_ROWS - offset))
        return run_search(self.parameters.request.replace(offset=offset, limit=limit))

    def batches(self):
        """Lists of practices ready to serialise."""
        if self.ids is None:
            yield from self.searched_batches()
            return
        ids, self.ids = self.ids[: self.total], None
        for start in range(0, len(ids), batch_size()):
            chunk = ids[start : start + batch_size()]
            # A practice unpublished since the ids were read is left out.
            rows = PracticePage.objects.live().filter(pk__in=chunk).for_listing().in_bulk()
            pages = [rows[pk] for pk in chunk if pk in rows]
            prefetch_related_objects(pages, "stages", "mechanisms", "partners", "results", "translated_text")
            yield pages
            release(pages)

    def searched_batches(self):
        """One engine request per batch; a practice published between two batches can shift the
        pages, so one already written is never repeated."""
        seen: set[int] = set()
        outcome, offset = self.first, 0
        self.first = None  # let the first batch go once written
        while True:
            pages = [page for page in outcome.results if page.pk not in seen]
            seen.update(page.pk for page in pages)
            prefetch_related_objects(pages, "stages", "mechanisms", "partners", "results", "translated_text")
            yield pages
            release(pages)
            offset += batch_size()
            if len(outcome.results) < batch_size() or offset >= self.total:
                return
            with translation.override(self.language):
                outcome = self._search(offset=offset)

    def records(self):
        for pages in self.batches():
            with translation.override(self.language):
                yield [
                    practice_record(page, url=page.get_full_url(self.request), language=self.language) for page in pages
                ]

    def filename(self, extension: str) -> str:
        stem = "practice-indicators" if self.rows == "indicators" else "practices"
        return f"{stem}-{date.today().isoformat()}.{extension}"

    def headers(self, response) -> None:
        response["X-Total-Count"] = str(self.total)
        response["X-Result-Count"] = str(self.count)
        response["Cache-Control"] = "no-store"
        if self.count > self.total:
            response["X-Export-Truncated"] = "true"
        if self.degraded:
            response["X-Search-Degraded"] = "true"


def release(pages) -> None:
    """Drop what prefetching hung on each practice. Prefetched rows point back at their practice
    (tagged topics, indicators), and such cycles wait for a full garbage collection: without
    this, an export of 10,000 practices would keep them all until its end."""
    for page in pages:
        page.__dict__.pop("_prefetched_objects_cache", None)


def escape_cell(value):
    """An empty cell for None; text a spreadsheet would run as a formula defused (core/spreadsheet.py)."""
    return "" if value is None else defuse(value)


class _Line:
    """csv.writer writes into this and gets the line back, so rows can be yielded."""

    def write(self, value):
        return value


def csv_chunks(export: Export):
    writer = csv.writer(_Line())
    columns = INDICATOR_COLUMNS if export.rows == "indicators" else PRACTICE_COLUMNS
    with translation.override(export.language):
        yield "\ufeff" + writer.writerow([str(label) for _key, label in columns])
    for records in export.records():
        lines = []
        for record in records:
            rows = indicator_csv_rows(record) if export.rows == "indicators" else [practice_csv_row(record)]
            lines.extend(writer.writerow([escape_cell(cell) for cell in row]) for row in rows)
        yield "".join(lines)


def json_chunks(export: Export):
    head = {
        "count": export.total,
        "result_count": export.count,
        "truncated": export.count > export.total,
        "language": export.language,
        "exported": date.today().isoformat(),
        "query": export.parameters.request.query,
        "filters": export.parameters.codes,
        "year_from": export.parameters.request.year_from,
        "year_to": export.parameters.request.year_to,
        "sort": export.parameters.request.sort,
        "degraded": export.degraded,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "results": ['
    separator = ""
    for records in export.records():
        if records:
            yield separator + ",".join(json.dumps(record, ensure_ascii=False) for record in records)
            separator = ","
    yield "]}"


def _bad_request(exc: InvalidParameters, *, as_json: bool):
    if as_json:
        return JsonResponse(
            {"message": str(exc), "errors": exc.errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    body = _("The export could not be made:") + "\n" + "\n".join(exc.errors) + "\n"
    return HttpResponse(body, status=400, content_type="text/plain; charset=utf-8")


@read_only
def export_csv(request):
    try:
        export = Export(request, file_format="csv")
    except InvalidParameters as exc:
        return _bad_request(exc, as_json=False)
    response = StreamingHttpResponse(csv_chunks(export), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename("csv")}"'
    export.headers(response)
    return response


@read_only
def export_json(request):
    try:
        export = Export(request, file_format="json")
    except InvalidParameters as exc:
        return _bad_request(exc, as_json=True)
    response = StreamingHttpResponse(json_chunks(export), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename("json")}"'
    export.headers(response)
    return response

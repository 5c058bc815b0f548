"""import_practices: read, check everything, then write everything in one transaction (or nothing)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from .errors import RecordError
from .readers import open_records
from .schema import PracticeRecord, Vocabulary, check_record
from .writer import PracticeWriter

MAX_REPORTED_ERRORS = 200


class _WriteFailed(Exception):
    """A record passed the checks but the page refused it; the whole import is rolled back."""

    def __init__(self, record: PracticeRecord, error: ValidationError):
        self.record, self.error = record, error

    def as_record_error(self) -> RecordError:
        if hasattr(self.error, "message_dict"):
            field, messages = next(iter(self.error.message_dict.items()))
            return RecordError(self.record.line, "" if field == "__all__" else field, " ".join(messages))
        return RecordError(self.record.line, "", " ".join(self.error.messages))


@dataclass
class ImportReport:
    checked: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RecordError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def check_file(path: Path, *, writer: PracticeWriter) -> tuple[list[PracticeRecord], list[RecordError]]:
    vocabulary = Vocabulary()
    records, errors, seen = [], [], {}
    for raw in open_records(path):
        if raw.error:
            errors.append(raw.error)
            continue
        record, problems = check_record(raw.line, raw.data, vocabulary)
        errors.extend(problems)
        if record is None:
            continue
        if record.external_id in seen:
            errors.append(
                RecordError(
                    raw.line,
                    "external_id",
                    _("“%(id)s” already appears on line %(line)s.")
                    % {"id": record.external_id, "line": seen[record.external_id]},
                )
            )
            continue
        seen[record.external_id] = raw.line
        if writer.missing_institution(record):
            errors.append(
                RecordError(
                    raw.line, "country", _("no institution page exists for %(code)s yet.") % {"code": record.country}
                )
            )
            continue
        records.append(record)
    if not records and not errors:
        errors.append(RecordError(0, "", _("the file holds no practice.")))
    return records, errors[:MAX_REPORTED_ERRORS]


def import_practices(
    path: Path,
    *,
    dry_run: bool = False,
    mark_demo: bool = False,
    only_new: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Raises ImportFileError when the file as a whole is unreadable; otherwise reports per line.

    Nothing is written unless every record is valid, and then all records are written in
    one transaction: an import never leaves half of a file, or half of a practice, behind.
    """
    writer = PracticeWriter(mark_demo=mark_demo)
    records, errors = check_file(Path(path), writer=writer)
    report = ImportReport(checked=len(records) + len({e.line for e in errors}), errors=errors, dry_run=dry_run)
    if errors or dry_run:
        return report
    if only_new:
        existing = writer.existing_external_ids()
        report.skipped = sum(record.external_id in existing for record in records)
        records = [record for record in records if record.external_id not in existing]
    try:
        with transaction.atomic():
            for position, record in enumerate(records, start=1):
                try:
                    _page, created = writer.write(record)
                except ValidationError as exc:
                    raise _WriteFailed(record, exc) from exc
                if created:
                    report.created += 1
                else:
                    report.updated += 1
                if progress:
                    progress(position, len(records))
    except _WriteFailed as failure:
        report.created = report.updated = 0
        report.errors = [failure.as_record_error()]
        return report
    if connection.vendor == "postgresql":
        # Fresh planner statistics: stale ones made a filtered search 300x slower after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return report

"""Reading an import file into records: (line number, dict of raw values).

JSON Lines is the complete format. CSV and XLSX carry the same keys as columns, with list
values separated by ";" and `results` as JSON in its cell; their "line" is the row number
as a spreadsheet shows it (the header is row 1).
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import ImportFileError, RecordError

LIST_FIELDS = {"lessons", "topics", "keywords", "stages", "mechanisms", "partners", "support_organizations"}
JSON_FIELDS = {"results"}
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}


def max_import_bytes() -> int:
    return settings.PRACTICES_IMPORT_MAX_BYTES


def max_unpacked_bytes() -> int:
    """An .xlsx is a zip archive: what openpyxl reads is its unpacked size, not the file's."""
    return settings.PRACTICES_IMPORT_MAX_UNPACKED_BYTES


# Text-heavy spreadsheets pack about 5 to 20 times; a far higher ratio is a zip bomb.
MAX_PACKING_RATIO = 100


@dataclass
class Record:
    line: int
    data: dict | None
    error: RecordError | None = None


def open_records(path: Path) -> Iterator[Record]:
    """Checks the file as a whole, then yields its records one by one."""
    if not path.exists() or not path.is_file():
        raise ImportFileError(_("File not found: %(path)s") % {"path": path})
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ImportFileError(
            _("Unsupported file type “%(suffix)s”: use .jsonl, .csv or .xlsx.") % {"suffix": path.suffix or "?"}
        )
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(_("The file is empty."))
    limit = max_import_bytes()
    if size > limit:
        raise ImportFileError(
            _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
            % {"size": round(size / 1024 / 1024, 1), "limit": round(limit / 1024 / 1024, 1)}
        )
    if kind == "xlsx":
        return _xlsx_records(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ImportFileError(_("The file looks binary, not text. Export it as UTF-8 JSON Lines or CSV."))
    text = _decode(raw)
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    return _jsonl_records(text) if kind == "jsonl" else _csv_records(text)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            _("Line %(line)s is not valid UTF-8 text. Save the file with UTF-8 encoding.") % {"line": line}
        ) from None


def _jsonl_records(text: str) -> Iterator[Record]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(number, None, RecordError(number, "", _("malformed JSON (%(detail)s).") % {"detail": exc.msg}))
            continue
        if not isinstance(data, dict):
            yield Record(number, None, RecordError(number, "", _("each line must be one JSON object.")))
            continue
        yield Record(number, data)


def _csv_records(text: str) -> Iterator[Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise ImportFileError(_("The CSV file has no header row."))
    # Rows numbered as a spreadsheet shows them (header = 1), not physical lines: a cell may hold paragraphs.
    for number, row in enumerate(reader, start=2):
        yield _tabular_record(number, row)


def check_unpacked_size(path: Path) -> None:
    """Refuse a workbook that would unpack into much more than it weighs, before openpyxl reads
    it: an 8 MB file expanding to 122 MB took 394 s and 1.46 GB in `--dry-run`. The sizes are the
    archive's own declarations, which zipfile also enforces while it unpacks (it never reads past
    a member's declared size), so they are an upper bound of the work."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError(_("The file is not a valid Excel (.xlsx) workbook.")) from None
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    limit = max_unpacked_bytes()
    if unpacked > limit or unpacked / packed > MAX_PACKING_RATIO:
        raise ImportFileError(
            _(
                "The workbook unpacks into %(size)s MB (%(ratio)s times its file size); the limit is "
                "%(limit)s MB. Remove unused rows, columns and formatting, or split it into smaller files."
            )
            % {
                "size": round(unpacked / 1024 / 1024, 1),
                "ratio": round(unpacked / packed),
                "limit": round(limit / 1024 / 1024, 1),
            }
        )


def _xlsx_records(path: Path) -> Iterator[Record]:
    from openpyxl import load_workbook

    check_unpacked_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError(_("The file is not a valid Excel (.xlsx) workbook.")) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header or not any(header):
        raise ImportFileError(_("The first sheet has no header row."))
    keys = [str(h).strip() if h is not None else "" for h in header]

    def generate():
        for number, values in enumerate(rows, start=2):
            if values is None or all(v in (None, "") for v in values):
                continue
            row = {k: v for k, v in zip(keys, values, strict=False) if k}
            yield _tabular_record(number, row)
        workbook.close()

    return generate()


def _tabular_record(line: int, row: dict) -> Record:
    data = {}
    for key, value in row.items():
        if key is None:
            return Record(line, None, RecordError(line, "", _("this row has more cells than the header.")))
        key = key.strip()
        if isinstance(value, str):
            value = value.strip()
        if value in ("", None):
            data[key] = None
            continue
        if key in LIST_FIELDS:
            data[key] = [item.strip() for item in str(value).split(";") if item.strip()]
        elif key in JSON_FIELDS:
            try:
                data[key] = json.loads(value) if isinstance(value, str) else value
            except json.JSONDecodeError as exc:
                return Record(
                    line, None, RecordError(line, key, _("malformed JSON (%(detail)s).") % {"detail": exc.msg})
                )
        else:
            data[key] = value
    return Record(line, data)

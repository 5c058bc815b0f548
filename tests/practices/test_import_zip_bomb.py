"""An .xlsx is a zip archive: an 8 MB workbook that unpacked to 122 MB took 394 s and 1.46 GB in
`--dry-run`. It is refused from the archive's directory, before openpyxl reads a cell."""

import json
import time
import zipfile

from openpyxl import Workbook

from practices.models import PracticePage
from tests.practices.test_import import import_error, practice_rows, record, run_import


def _bomb(path, *, unpacked_mb: int):
    """A valid workbook plus a sheet of zeros that deflates about 1000 to 1."""
    workbook = Workbook()
    workbook.active.append(list(record()))
    workbook.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet2.xml", "w") as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return path


def test_a_workbook_that_unpacks_far_beyond_the_limit_is_refused_at_once(db, tmp_path):
    path = _bomb(tmp_path / "bomb.xlsx", unpacked_mb=60)
    assert path.stat().st_size < 1024 * 1024  # small on disk
    before = practice_rows()
    started = time.monotonic()
    message = import_error(path, "--dry-run")
    assert time.monotonic() - started < 5
    assert "The workbook unpacks into" in message and "the limit is 40.0 MB" in message
    assert practice_rows() == before


def test_a_small_workbook_packed_suspiciously_tight_is_refused(db, tmp_path):
    path = _bomb(tmp_path / "tight.xlsx", unpacked_mb=5)  # under the size limit, about 1000 to 1
    assert "times its file size" in import_error(path)


def test_an_ordinary_workbook_still_imports(db, es, tmp_path):
    data = record(external_id="test-xlsx-ordinary")
    workbook = Workbook()
    workbook.active.append(list(data))
    workbook.active.append(
        [
            json.dumps(v, ensure_ascii=False) if k == "results" else ";".join(v) if isinstance(v, list) else v
            for k, v in data.items()
        ]
    )
    path = tmp_path / "ordinary.xlsx"
    workbook.save(path)
    run_import(path)
    assert PracticePage.objects.filter(external_id="test-xlsx-ordinary", locale=es).exists()

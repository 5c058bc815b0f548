"""Bringing existing compilations of practices into the repository (JSON Lines, CSV, Excel).

readers.py turns a file into numbered records, schema.py checks each record against the
vocabularies, writer.py saves one valid record as a practice page. See docs/import.md.
"""

from .errors import ImportFileError, RecordError  # noqa: F401
from .service import ImportReport, import_practices  # noqa: F401

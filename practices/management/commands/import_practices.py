import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from practices.importing import ImportFileError, import_practices


class ProgressBar:
    """A one-line bar on a terminal; a line every 10 % otherwise (CI logs)."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last_decile = -1
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1
        if self.tty:
            filled = int(share * 30)
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
        elif int(share * 10) > self.last_decile:
            self.last_decile = int(share * 10)
            self.stream.write(f"{done}/{total} ({int(share * 100)} %, {time.monotonic() - self.started:.0f} s)\n")


class Command(BaseCommand):
    help = "Imports practices from a .jsonl, .csv or .xlsx file (see docs/import.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, without writing.")
        parser.add_argument(
            "--only-new", action="store_true", help="Skip practices whose external_id is already in the repository."
        )

    def handle(self, *args, file: Path, dry_run: bool, only_new: bool, **options):
        try:
            report = import_practices(file, dry_run=dry_run, only_new=only_new, progress=ProgressBar(sys.stderr))
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("%(count)s problem(s) found; nothing was imported. Correct the file and run the import again.")
                % {"count": len(report.errors)}
            )
        if dry_run:
            self.stdout.write(
                _("Dry run: %(count)s practice(s) are valid; nothing was written.") % {"count": report.checked}
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Imported: %(created)s new, %(updated)s updated, %(skipped)s skipped.")
                    % {"created": report.created, "updated": report.updated, "skipped": report.skipped}
                )
            )

"""Machine drafts for practices: `--missing` fills every missing en/pt translation, `--queue`
runs what publishing queued (the scheduler calls it), both with a progress bar and a report."""

import time

from django.core.management.base import BaseCommand
from django.db.models import Q

from translation.models import TranslationJob
from translation.services import enqueue_missing, process_queue


class Command(BaseCommand):
    help = "Fill missing English/Portuguese translations of practices with machine drafts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="Queue every missing translation, then run the queue."
        )
        parser.add_argument("--queue", action="store_true", help="Run the due jobs of the queue (retries included).")
        parser.add_argument("--retry-failed", action="store_true", help="Make failed and skipped jobs due again now.")

    def handle(self, *args, missing=False, queue=False, retry_failed=False, **options):
        if not (missing or queue or retry_failed):
            self.stderr.write("Say what to do: --missing, --queue or --retry-failed.")
            return
        if retry_failed:
            TranslationJob.objects.filter(
                Q(status=TranslationJob.Status.FAILED) | Q(status=TranslationJob.Status.SKIPPED)
            ).update(status=TranslationJob.Status.PENDING, attempts=0)
        if missing:
            self.stdout.write(f"{len(enqueue_missing())} translations queued.")
        started = time.monotonic()
        counts = process_queue(progress=self.progress if options["verbosity"] else None)
        if options["verbosity"]:
            self.stdout.write("")
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items())) or "nothing to do"
        self.stdout.write(f"{summary} ({elapsed:.1f} s)")
        for job in TranslationJob.objects.filter(
            status__in=[TranslationJob.Status.FAILED, TranslationJob.Status.SKIPPED]
        ):
            self.stdout.write(
                f"  page {job.page_id} → {job.target_locale.language_code}: {job.status}: {job.last_error[:200]}"
            )

    def progress(self, number, total, job, status):
        width = 30
        filled = width * number // total
        bar = "#" * filled + "." * (width - filled)
        self.stdout.write(
            f"\r[{bar}] {number}/{total} page {job.page_id} → {job.target_locale.language_code}: {status}   ", ending=""
        )
        self.stdout.flush()

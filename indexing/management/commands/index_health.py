"""Compare the live practices in the database with the search index, per language (indexing/health.py)."""

from django.core.management.base import BaseCommand, CommandError

from indexing import health
from indexing.breaker import ENGINE_ERRORS

SHOWN_IDS = 50


class Command(BaseCommand):
    help = "Counts of live practices per language in the database and the index, with missing and stale ids."

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="Search backend name (settings).")

    def handle(self, *args, backend="default", **options):
        try:
            report = health.compare(backend)
        except ENGINE_ERRORS as error:
            raise CommandError(f"The search engine does not answer: {error}") from error
        for language in report.languages:
            self.stdout.write(
                f"{language.language}: database {language.database}, index {language.index}, "
                f"missing {len(language.missing)}, stale {len(language.stale)}"
            )
            for label, ids in (("missing", language.missing), ("stale", language.stale)):
                if ids:
                    more = f" (and {len(ids) - SHOWN_IDS} more)" if len(ids) > SHOWN_IDS else ""
                    self.stdout.write(f"  {label}: {' '.join(map(str, ids[:SHOWN_IDS]))}{more}")
        self.stdout.write(f"changes waiting to be indexed: {report.queued}")
        if not report.in_step:
            raise CommandError(
                "The search index differs from the database: run `manage.py process_index_queue`, "
                "or `manage.py update_index` to rebuild it."
            )

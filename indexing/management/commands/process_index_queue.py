"""Retry the index writes the search engine refused (indexing/queue.py). The scheduler runs it every minute."""

from django.core.management.base import BaseCommand, CommandError

from indexing import queue


class Command(BaseCommand):
    help = "Write the queued objects to the search index; exit status 1 while some are still waiting."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="At most this many objects (default: all).")

    def handle(self, *args, limit=None, **options):
        outcome = queue.process(limit=limit)
        self.stdout.write(f"indexed {outcome.indexed}, failed {outcome.failed}, still waiting {outcome.remaining}")
        if outcome.failed:
            raise CommandError(f"{outcome.failed} index write(s) failed again; {outcome.remaining} waiting")

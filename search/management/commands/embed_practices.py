"""Embeds the passages of every live practice for the semantic search (search/semantic.py).

`update_index` does it too; this command exists for a model change (`--all`) and for timing.
"""

import time

from django.core.management.base import BaseCommand

from search.models import PassageVector
from search.semantic import changed, index_live_practices


class Command(BaseCommand):
    help = "Embeds every live practice's passages for the semantic search (docs/search.md)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="forget every stored vector first (a new model)")

    def handle(self, *args, all, **options):
        if all:
            PassageVector.objects.all().delete()
            changed()
        started = time.perf_counter()
        embedded = index_live_practices()
        self.stdout.write(f"Embedded {embedded} passages in {time.perf_counter() - started:.1f} s")

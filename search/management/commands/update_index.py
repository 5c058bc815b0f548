"""Wagtail's `update_index`, then the passage vectors of the semantic search (search/semantic.py):
one command keeps both sides of the search in step. Unchanged practices are not re-embedded."""

from wagtail.search.management.commands.update_index import Command as UpdateIndex

from search.semantic import index_live_practices


class Command(UpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        embedded = index_live_practices()
        if options.get("verbosity", 1):
            self.stdout.write(f"Passage vectors: {embedded} passages embedded")

from django.core.management.base import BaseCommand

from officials.workflow import ensure_review_workflow

from ...site import ensure_site_tree


class Command(BaseCommand):
    help = "Creates the page tree (home, institutions index, the 17 institution pages, meetings index) if missing."

    def handle(self, *args, **options):
        pages = ensure_site_tree()
        ensure_review_workflow()
        self.stdout.write(self.style.SUCCESS(f"Site tree ready: home page #{pages['home'].pk}"))

from django.apps import apps
from django.core.management.base import BaseCommand

from practices.reference_data import load_reference_data


class Command(BaseCommand):
    help = (
        "Creates reference records (countries, mechanisms, stages, topics) missing from the database; never overwrites."
    )

    def handle(self, *args, **options):
        created = load_reference_data(apps)
        self.stdout.write(self.style.SUCCESS(", ".join(f"{name}: {count} created" for name, count in created.items())))

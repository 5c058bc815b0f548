from django.core.management.base import BaseCommand

from practices.demo.loader import DEMO_USERS


class Command(BaseCommand):
    help = "Prints the demo log-ins created by load_demo."

    def handle(self, *args, **options):
        self.stdout.write("\nDemo log-ins for http://127.0.0.1:8000/admin/ (demonstration only):")
        for spec in DEMO_USERS:
            role = spec["role"] + (f" ({spec['country']})" if spec["country"] else "")
            self.stdout.write(f"  {spec['username']:<14} {spec['password']:<26} {role}")
        self.stdout.write("")

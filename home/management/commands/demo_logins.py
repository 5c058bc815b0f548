from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.demo import enrol_demo_devices

from ...demo.loader import DEMO_USERS


class Command(BaseCommand):
    help = "Prints the demo log-ins created by load_demo."

    def handle(self, *args, **options):
        self.stdout.write("\nDemo log-ins for http://127.0.0.1:8000/admin/ (demonstration only):")
        for spec in DEMO_USERS:
            role = spec["role"] + (f" ({spec['country']})" if spec["country"] else "")
            self.stdout.write(f"  {spec['username']:<14} {spec['password']:<26} {role}")
        self.stdout.write("")
        self._two_factor()

    def _two_factor(self):
        # The administrator and the secretariat must pass two-step verification (accounts/).
        if not settings.DEBUG:
            return
        enrolled = enrol_demo_devices()
        if not enrolled:
            return
        self.stdout.write("Two-step verification (admin, secretaria): after the password, enter the code of an")
        self.stdout.write("authenticator app set up with the key below, or print the current code with")
        self.stdout.write("`.venv/bin/python manage.py totp_code USERNAME`:")
        for username, key in enrolled:
            self.stdout.write(f"  {username:<14} {key}")
        self.stdout.write("")

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from officials.workflow import ensure_review_workflow

from ...demo.curation import load_curation_demo
from ...demo.exchange import load_demo_requests
from ...demo.loader import load_demo
from ...demo.officials import set_demo_user_languages


class Command(BaseCommand):
    help = "Loads the demonstration content (practices, profiles, the 2025 meeting, demo users). Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create the demo log-ins.")
        parser.add_argument("--force", action="store_true", help="Create demo log-ins even with DEBUG off.")

    def handle(self, *args, no_users: bool, force: bool, **options):
        with_users = not no_users
        if with_users and not settings.DEBUG and not force:
            raise CommandError("Demo log-ins have published passwords: refusing with DEBUG off (use --no-users).")
        result = load_demo(with_users=with_users)
        ensure_review_workflow()
        if with_users:
            set_demo_user_languages()
        load_curation_demo()
        load_demo_requests()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo content: {created} practices created, {kept} kept as they were, {translated} translations, "
                "{users} new users.".format(**result)
            )
        )

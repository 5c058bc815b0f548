from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_factor import reset_two_factor


class Command(BaseCommand):
    help = (
        "Removes a user's authenticator app and recovery codes (lost phone) and ends their sessions. "
        "Administrators and the secretariat then enrol a new app at their next log-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username}.")
        removed = reset_two_factor(user)
        self.stdout.write(self.style.SUCCESS(f"{username}: {removed} two-step device(s) removed and sessions ended."))

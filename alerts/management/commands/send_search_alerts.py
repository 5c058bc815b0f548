"""Sends each confirmed followed search its digest of new practices; run it from a scheduler (hourly)."""

from django.core.management.base import BaseCommand

from alerts.services import send_digests


class Command(BaseCommand):
    help = "E-mail every confirmed followed search the practices published since its last digest."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; send and change nothing.")

    def handle(self, *args, dry_run=False, **options):
        report = send_digests(dry_run=dry_run)
        if dry_run:
            for pk, titles in report.would_send:
                self.stdout.write(f"subscription {pk}: {len(titles)} new: " + "; ".join(titles))
        self.stdout.write(
            f"{report.searches} searches run, {report.sent} digests sent, {report.failed} failed, "
            f"{report.purged} unconfirmed subscriptions purged"
            + (f", {len(report.would_send)} would be sent (dry run)" if dry_run else "")
        )
        if report.failed:
            self.stderr.write(f"{report.failed} digests could not be sent; they will be retried on the next run.")

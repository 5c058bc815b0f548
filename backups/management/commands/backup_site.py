"""`make backup`: the database and the media files in one timestamped archive (backups/services.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups import services


class Command(BaseCommand):
    help = "Write backup-<UTC time>.tar.gz (database, media, manifest) into --output-dir."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=settings.BACKUP_DIR,
            help="Directory for the archive (default: BACKUP_DIR or ./var/backups).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            archive = services.backup_site(output_dir=Path(output_dir))
        except services.BackupError as error:
            raise CommandError(str(error)) from error
        counts = services.read_manifest(archive)["counts"]
        self.stdout.write(f"{archive} ({archive.stat().st_size} bytes): {counts}")

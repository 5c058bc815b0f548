"""`make restore ARCHIVE=…`: replace the database and media with a backup, then rebuild the search index."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups import services


class Command(BaseCommand):
    help = "Restore a backup-*.tar.gz written by backup_site. Everything in the database and MEDIA_ROOT is replaced."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--no-input", "--noinput", action="store_false", dest="interactive")
        parser.add_argument("--no-index", action="store_false", dest="rebuild_index", help="Skip update_index.")

    def handle(self, *args, archive, interactive=True, rebuild_index=True, **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            manifest = services.read_manifest(archive)
        except (services.BackupError, OSError, ValueError) as error:
            raise CommandError(f"{archive} is not a readable backup: {error}") from error
        if interactive:
            answer = input(
                f"Replace this site's database and media with the backup of {manifest['created_at']}? [yes/no] "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            services.restore_site(archive=archive, rebuild_index=rebuild_index)
        except services.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {archive}: {manifest['counts']}")

"""`manage.py backup [--to DIR]`: the database and the uploaded media, while the site runs."""

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup, default_destination


class Command(BaseCommand):
    help = "Back up the database (SQLite or PostgreSQL) and the local media files to a folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            dest="destination",
            default=None,
            help="Folder to write the backup under (default: $BACKUP_DIR or ./backups).",
        )

    def handle(self, *args, destination=None, **options):
        destination = destination or default_destination()
        self.stdout.write(f"Backing up to {destination} …")
        try:
            folder = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for path in sorted(folder.iterdir()):
            self.stdout.write(f"  {path.name}  {path.stat().st_size:,} bytes")
        self.stdout.write(self.style.SUCCESS(f"Backup written: {folder}"))

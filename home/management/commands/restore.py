"""`manage.py restore FOLDER [--force]`: put a backup back into an empty database."""

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a folder written by `manage.py backup` into the database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup folder (youlin-<time>/).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even though the database already has pages (they are replaced).",
        )

    def handle(self, *args, folder, force=False, **options):
        self.stdout.write(f"Restoring {folder} …")
        try:
            manifest = restore(folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = " and media files" if manifest.get("media") else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the {manifest['engine']} database{media} of {manifest['taken_at']}."
            )
        )

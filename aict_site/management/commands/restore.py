from django.core.management.base import BaseCommand, CommandError

from aict_site.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="overwrite a database or media folder that has content",
        )

    def handle(self, *args, **options):
        try:
            manifest = restore(options["archive"], options["force"])
        except (BackupError, OSError) as error:
            raise CommandError(f"restore refused: {error}") from None
        self.stdout.write(f"restored the {manifest['database']} backup of {manifest['created']}")

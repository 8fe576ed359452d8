from django.core.management.base import BaseCommand, CommandError

from aict_site.backups import BackupError, create


class Command(BaseCommand):
    help = "Back up the database (consistent while the site runs) and the media into BACKUP_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="where to write the archive (default: BACKUP_DIR)")
        parser.add_argument(
            "--keep", type=int, help="how many archives to keep (default: BACKUP_KEEP)"
        )

    def handle(self, *args, **options):
        try:
            archive = create(options["dir"], options["keep"])
        except (BackupError, OSError) as error:
            raise CommandError(f"backup failed: {error}") from None
        self.stdout.write(f"backup written: {archive}")

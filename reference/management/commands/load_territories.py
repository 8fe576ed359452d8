from django.core.management.base import BaseCommand

from reference import territories


class Command(BaseCommand):
    help = (
        "Load or refresh the region's communes, intercommunalités, départements and Région "
        "from the official data file (reference/data): idempotent, keeps what links to them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(territories.DATA_FILE), help="another data file")

    def handle(self, *args, **options):
        data = territories.read(options["file"])
        outcome = territories.load(data)
        self.stdout.write(
            f"Territories ({data['source']}): {outcome.created} created, "
            f"{outcome.updated} updated, {outcome.retired} no longer current"
        )

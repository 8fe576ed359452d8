"""The former name of purge_visitor_data, kept so that existing cron lines go on working."""

from .purge_visitor_data import Command as PurgeVisitorData


class Command(PurgeVisitorData):
    help = "Deprecated: use purge_visitor_data (same job)."

    def handle(self, *args, **options):
        self.stderr.write("purge_contact_requests is deprecated: use purge_visitor_data.")
        super().handle(*args, **options)

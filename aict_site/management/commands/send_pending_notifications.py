from django.core.management.base import BaseCommand, CommandError

from aict_site.notifying import send_pending


class Command(BaseCommand):
    help = "Retry the staff notifications (contact requests, registrations) that could not be sent."

    def handle(self, *args, **options):
        sent, pending = send_pending()
        self.stdout.write(f"{sent} notification(s) sent, {pending} still pending")
        if pending:
            # A non-zero exit lets cron or systemd report that mail is still failing.
            raise CommandError(f"{pending} notification(s) could not be sent")

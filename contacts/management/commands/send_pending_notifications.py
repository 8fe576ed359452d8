from django.core.management.base import BaseCommand, CommandError

from contacts.notifications import send_pending


class Command(BaseCommand):
    help = "Retry the staff notifications of contact requests that could not be sent."

    def handle(self, *args, **options):
        sent, pending = send_pending()
        self.stdout.write(f"{sent} notification(s) sent, {pending} still pending")
        if pending:
            # A non-zero exit lets cron or systemd report that mail is still failing.
            raise CommandError(f"{pending} contact request notification(s) could not be sent")

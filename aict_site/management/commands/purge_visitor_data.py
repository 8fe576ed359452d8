from django.conf import settings
from django.core.management.base import BaseCommand

from aict_site import counters, personal_data, staff_logins


class Command(BaseCommand):
    help = (
        "Delete visitors' records (contact requests, registrations…) older than "
        "VISITOR_DATA_RETENTION_DAYS, the admin's login records older than "
        "STAFF_LOGIN_RECORDS_DAYS, and expired rate-limit counts."
    )

    def handle(self, *args, **options):
        days = settings.VISITOR_DATA_RETENTION_DAYS
        for key, count in personal_data.purge_expired().items():
            self.stdout.write(f"{key}: {count} record(s) older than {days} days deleted")
        login_days = settings.STAFF_LOGIN_RECORDS_DAYS
        logins = staff_logins.purge_expired()
        self.stdout.write(f"{logins} login record(s) older than {login_days} days deleted")
        self.stdout.write(f"{counters.purge_expired()} expired counter(s) deleted")

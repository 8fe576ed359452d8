from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from aict_site import counters
from contacts.models import ContactRequest


class Command(BaseCommand):
    help = (
        "Delete contact requests and event registrations older than CONTACT_RETENTION_DAYS, "
        "and expired rate-limit counts."
    )

    def handle(self, *args, **options):
        limit = timezone.now() - timedelta(days=settings.CONTACT_RETENTION_DAYS)
        deleted, _by_model = ContactRequest.objects.filter(created_at__lt=limit).delete()
        days = settings.CONTACT_RETENTION_DAYS
        self.stdout.write(f"{deleted} contact request(s) older than {days} days deleted")
        if apps.is_installed("events"):
            Registration = apps.get_model("events", "Registration")
            deleted, _by_model = Registration.objects.filter(created_at__lt=limit).delete()
            self.stdout.write(f"{deleted} event registration(s) older than {days} days deleted")
        self.stdout.write(f"{counters.purge_expired()} expired counter(s) deleted")

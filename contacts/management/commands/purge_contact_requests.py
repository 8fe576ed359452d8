from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from contacts.models import ContactRequest


class Command(BaseCommand):
    help = "Delete contact requests older than CONTACT_RETENTION_DAYS (three years by default)."

    def handle(self, *args, **options):
        limit = timezone.now() - timedelta(days=settings.CONTACT_RETENTION_DAYS)
        deleted, _by_model = ContactRequest.objects.filter(created_at__lt=limit).delete()
        days = settings.CONTACT_RETENTION_DAYS
        self.stdout.write(f"{deleted} contact request(s) older than {days} days deleted")

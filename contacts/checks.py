"""A site whose contact requests reach nobody must not look ready (`check --deploy`)."""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError


@checks.register(checks.Tags.security, deploy=True)
def someone_is_told(app_configs=None, **kwargs):
    if settings.NOTIFY_EMAILS:
        return []
    from .models import Office

    try:
        routed = Office.objects.published().exclude(notify_email="").exists()
    except DatabaseError:
        routed = False  # no database yet: nothing says anyone will be told
    if routed:
        return []
    return [
        checks.Warning(
            "No office has a notification address and NOTIFY_EMAILS is empty: "
            "contact requests and registrations are stored but nobody is told.",
            hint="Set NOTIFY_EMAILS, or an office's « adresse qui reçoit les demandes ».",
            id="contacts.W001",
        )
    ]

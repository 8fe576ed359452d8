"""Visitors' rights over their data: everything held about one address, exported or erased.

Each export or erasure is logged with counts only: the log never holds the data itself.
"""

import logging

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder

from .models import ContactRequest

logger = logging.getLogger(__name__)

VISITOR_FIELDS = ["name", "email", "organisation", "message", "created_at", "status"]


def registrations_of(email):
    if not apps.is_installed("events"):
        return []
    Registration = apps.get_model("events", "Registration")
    return Registration.objects.filter(email__iexact=email)


def held_about(email):
    requests = ContactRequest.objects.filter(email__iexact=email).select_related(
        "subject", "authority_type", "departement"
    )
    return {
        "email": email,
        "contact_requests": [
            {
                **{field: getattr(request, field) for field in VISITOR_FIELDS},
                "subject": str(request.subject or ""),
                "authority_type": str(request.authority_type or ""),
                "departement": str(request.departement or ""),
            }
            for request in requests
        ],
        "event_registrations": [
            {
                "event": registration.event.title,
                "name": registration.name,
                "email": registration.email,
                "organisation": registration.organisation,
                "status": registration.status,
                "created_at": registration.created_at,
            }
            for registration in registrations_of(email).select_related("event")
        ],
    }


def export(emails, user):
    data = [held_about(email) for email in sorted(set(emails))]
    logger.info(
        "Personal data export by user %s: %s address(es), %s request(s)",
        user.pk,
        len(data),
        sum(len(item["contact_requests"]) for item in data),
    )
    return DjangoJSONEncoder(indent=2, ensure_ascii=False).encode(data)


def erase(emails, user):
    deleted = 0
    for email in set(emails):
        count, _by_model = ContactRequest.objects.filter(email__iexact=email).delete()
        deleted += count
        count, _by_model = registrations_of(email).delete()
        deleted += count
    logger.info(
        "Personal data erased by user %s: %s address(es), %s record(s)",
        user.pk,
        len(set(emails)),
        deleted,
    )
    return deleted

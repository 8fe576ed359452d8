"""Telling staff about a contact request, by email, after it is safely stored.

A request is saved first; mail goes out only after commit. If the mail server fails, the
request stays marked as not notified and `send_pending_notifications` retries it. A row lock
(skipped when another worker holds it) makes two senders at once never send one request twice.
Logs carry request ids only, never what a visitor wrote.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ContactRequest

logger = logging.getLogger(__name__)


def recipients_for(contact_request):
    office = contact_request.office
    if office is not None and office.notify_email:
        return [office.notify_email]
    return list(settings.CONTACT_NOTIFY_EMAILS)


def route(contact_request):
    """The office serving the visitor's département, if any."""
    if contact_request.departement_id is None:
        return None
    return contact_request.departement.offices.filter(is_published=True).first()


def build_message(contact_request):
    subject_name = contact_request.subject.name if contact_request.subject else _("Autre")
    # Header values come from visitors: keep them on one line.
    subject = _("[Site] %(subject)s — %(name)s") % {
        "subject": subject_name,
        "name": contact_request.name,
    }
    subject = " ".join(subject.split())
    body = render_to_string("contacts/notification_email.txt", {"request": contact_request})
    return EmailMessage(
        subject=subject[:200],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients_for(contact_request),
        # Staff answer with one click; nothing is ever sent to this address by the site.
        reply_to=[contact_request.email],
    )


def notify(request_id):
    """Send the staff notification for one request, once. True when it was sent now."""
    with transaction.atomic():
        locked = ContactRequest.objects.select_for_update(
            skip_locked=True, of=("self",)
        ).select_related("subject", "office", "departement", "authority_type")
        contact_request = locked.filter(pk=request_id, notified_at__isnull=True).first()
        if contact_request is None:
            return False
        message = build_message(contact_request)
        contact_request.notification_attempts += 1
        if not message.to:
            contact_request.notification_error = "no recipient configured"
            logger.error("Contact request %s: no recipient (CONTACT_NOTIFY_EMAILS)", request_id)
            contact_request.save(update_fields=["notification_attempts", "notification_error"])
            return False
        try:
            message.send()
        except Exception as error:
            contact_request.notification_error = type(error).__name__[:200]
            logger.warning(
                "Contact request %s: notification failed (%s)", request_id, type(error).__name__
            )
            contact_request.save(update_fields=["notification_attempts", "notification_error"])
            return False
        contact_request.notified_at = timezone.now()
        contact_request.notification_error = ""
        contact_request.save(
            update_fields=["notified_at", "notification_attempts", "notification_error"]
        )
        return True


def send_pending():
    """Retry every request whose notification has not gone out; (sent, still pending)."""
    sent = 0
    pending_ids = list(
        ContactRequest.objects.filter(notified_at__isnull=True)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
    for request_id in pending_ids:
        sent += notify(request_id)
    still_pending = ContactRequest.objects.filter(notified_at__isnull=True).count()
    return sent, still_pending

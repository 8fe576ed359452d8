"""The staff notification of a contact request: whom it goes to and what it says.

Sending, retrying and never sending twice are aict_site.notifying's work.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from aict_site import notifying

from .models import ContactRequest


def recipients_for(contact_request):
    office = contact_request.office
    if office is not None and office.notify_email:
        return [office.notify_email]
    return list(settings.NOTIFY_EMAILS)


def route(contact_request):
    """The office serving the visitor's département, if any."""
    if contact_request.departement_id is None:
        return None
    return contact_request.departement.offices.filter(is_published=True).first()


def build_message(contact_request):
    subject_name = contact_request.subject.name if contact_request.subject else _("Other")
    # Header values come from visitors: keep them on one line.
    subject = _("[Site] %(subject)s — %(name)s") % {
        "subject": subject_name,
        "name": contact_request.name,
    }
    subject = " ".join(subject.split())
    body = render_to_string("contacts/notification_email.txt", {"contact_request": contact_request})
    return EmailMessage(
        subject=subject[:200],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients_for(contact_request),
        # Staff answer with one click; nothing is ever sent to this address by the site.
        reply_to=[contact_request.email],
    )


def notify(request_id):
    return notifying.notify(ContactRequest, request_id)

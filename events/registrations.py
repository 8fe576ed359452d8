"""Registering for an event without ever overbooking it.

The event's row is locked while seats are counted (on SQLite the immediate transaction locks
the whole database), so simultaneous registrations for the last seats are served one at a time:
the seats go to the first ones, the rest join the waiting list.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from aict_site import notifying

from .models import Event, Registration

TICKET_SALT = "events.registration"


class AlreadyRegistered(Exception):
    """The address holds a registration for this event already (the database says so)."""


def register(event, cleaned_data):
    try:
        return _register(event, cleaned_data)
    except IntegrityError:
        # Two posts of one address at once: the form's check passed for both.
        raise AlreadyRegistered from None


def _register(event, cleaned_data):
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        status = Registration.Status.CONFIRMED
        if locked.capacity is not None:
            taken = locked.registrations.filter(status=Registration.Status.CONFIRMED).count()
            if taken >= locked.capacity:
                status = Registration.Status.WAITING
        registration = Registration.objects.create(event=locked, status=status, **cleaned_data)
        notifying.notify_after_commit(Registration, registration.pk)
    return registration


def seats_left(event):
    if event.capacity is None:
        return None
    taken = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(event.capacity - taken, 0)


def ticket(registration):
    """An unguessable token for the registrant's confirmation page."""
    return signing.dumps(registration.pk, salt=TICKET_SALT)


def from_ticket(token):
    try:
        return signing.loads(token, salt=TICKET_SALT, max_age=365 * 24 * 3600)
    except signing.BadSignature:
        return None


def recipients_for(registration):
    return event_recipients(registration.event)


def event_recipients(event):
    """Who is told of an event's registrations: the office that holds it, as for contact
    requests; else NOTIFY_EMAILS (empty: nobody, which the admin dashboard shows in red)."""
    office = event.office
    if office is not None and office.notify_email:
        return [office.notify_email]
    return list(settings.NOTIFY_EMAILS)


def build_message(registration):
    event = registration.event
    subject = _("[Site] Registration (%(status)s): %(event)s — %(name)s") % {
        "status": registration.get_status_display(),
        "event": event.title,
        "name": registration.name,
    }
    return EmailMessage(
        subject=" ".join(subject.split())[:200],
        body=render_to_string("events/registration_email.txt", {"registration": registration}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients_for(registration),
        reply_to=[registration.email],
    )


def describe(registration):
    """What the export of a person's data shows of a registration (aict_site.personal_data)."""
    return {
        "event": registration.event.title,
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "status": registration.status,
        "created_at": registration.created_at,
    }

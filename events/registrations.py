"""Registering for an event without ever overbooking it, and cancelling.

The event's row is locked while seats are counted (on SQLite the immediate transaction locks
the whole database), so simultaneous registrations for the last seats are served one at a time:
the seats go to the first ones, the rest join the waiting list. A seat freed (a cancellation,
staff deleting a registration or raising the capacity) goes to the first person waiting.

The registrant is told by email of their status (REGISTRANT channel), with the event as an
.ics file and the link to cancel. The site writes to a typed address for this only, and at
most once an hour per address for a registration, so the form cannot be used to mail third
parties; a seat freed is always told, once.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site import notifying, ratelimit

from .models import Event, Registration

TICKET_SALT = "events.registration"
REGISTRANT = notifying.Channel(
    sent="registrant_mailed_at",
    attempts="registrant_mail_attempts",
    error="registrant_mail_error",
    claimed="registrant_mail_claimed_at",
    due="registrant_mail_due",
)
# An address gets at most this many registrants' emails an hour, new registrations and
# reminders together: enough for a person who registers for two events and asks for their
# link again, too few to make the form a way to flood a mailbox.
REGISTRANT_MAILS_PER_HOUR = 3


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
        if locked.registrations.filter(email__iexact=cleaned_data["email"]).exists():
            raise AlreadyRegistered
        status = Registration.Status.CONFIRMED
        if locked.capacity is not None:
            taken = locked.registrations.filter(status=Registration.Status.CONFIRMED).count()
            if taken >= locked.capacity:
                status = Registration.Status.WAITING
        registration = Registration.objects.create(
            event=locked,
            status=status,
            registrant_mail_due=ratelimit.hit(
                "registrant-mail",
                ratelimit.mailbox(cleaned_data["email"]),
                REGISTRANT_MAILS_PER_HOUR,
            ),
            **cleaned_data,
        )
        notifying.notify_after_commit(Registration, registration.pk)
        if registration.registrant_mail_due:
            notifying.notify_after_commit(Registration, registration.pk, REGISTRANT)
    return registration


def cancel(registration):
    """Delete a registration; a seat it held goes to the first person waiting."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        deleted, _by_model = Registration.objects.filter(pk=registration.pk).delete()
        if deleted:
            fill_free_seats(event)


def seats_changed(event):
    """After staff edited an event's capacity or its registrations: fill the free seats."""
    with transaction.atomic():
        fill_free_seats(Event.objects.select_for_update().get(pk=event.pk))


def fill_free_seats(event):
    """Confirm the first people waiting, as many as there are free seats, and tell each by
    email. Call it inside a transaction that holds the event's row (select_for_update)."""
    if event.is_over():
        return 0
    waiting = (
        event.registrations.filter(status=Registration.Status.WAITING)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
    free = seats_left(event)
    promoted = list(waiting if free is None else waiting[:free])
    Registration.objects.filter(pk__in=promoted).update(status=Registration.Status.CONFIRMED)
    tell_promoted(promoted)
    return len(promoted)


def confirm(registrations):
    """Staff take people off the waiting list, whatever the seats left."""
    waiting = list(
        registrations.filter(status=Registration.Status.WAITING).values_list("pk", flat=True)
    )
    Registration.objects.filter(pk__in=waiting).update(status=Registration.Status.CONFIRMED)
    tell_promoted(waiting)
    return len(waiting)


def remind(event, email):
    """A second registration of a known address: its registrant gets their registration's
    link again by email (at most REGISTRANT_MAILS_PER_HOUR), and the visitor the same page
    as for a new registration, so that the form tells nobody who is registered."""
    registration = event.registrations.filter(email__iexact=email).first()
    if registration is None or not ratelimit.hit(
        "registrant-mail", ratelimit.mailbox(email), REGISTRANT_MAILS_PER_HOUR
    ):
        return
    Registration.objects.filter(pk=registration.pk).update(registrant_mail_due=True)
    notifying.notify_after_commit(Registration, registration.pk, REGISTRANT)


def tell_promoted(pks):
    """Each registration, now confirmed after waiting, owes its registrant an email."""
    Registration.objects.filter(pk__in=pks).update(
        promoted_at=timezone.now(), registrant_mail_due=True
    )
    for pk in pks:
        notifying.notify_after_commit(Registration, pk, REGISTRANT)


def seats_left(event):
    if event.capacity is None:
        return None
    taken = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(event.capacity - taken, 0)


def ticket(registration):
    """An unguessable token for the registrant's page (status, connection link, cancelling).
    It names the registration by its id and its second of creation, so that a link to a
    cancelled registration never reaches another one that took its id again (SQLite reuses
    the highest id)."""
    return signing.dumps([registration.pk, _second(registration)], salt=TICKET_SALT)


def from_ticket(token, slug):
    """The registration a ticket names for the event `slug`, or None."""
    try:
        pk, second = signing.loads(token, salt=TICKET_SALT, max_age=365 * 24 * 3600)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    registration = (
        Registration.objects.select_related("event", "event__office").filter(pk=pk).first()
    )
    if registration is None or registration.event.slug != slug or _second(registration) != second:
        return None
    return registration


def _second(registration):
    return int(registration.created_at.timestamp())


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

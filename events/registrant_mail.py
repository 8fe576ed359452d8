"""The email a registrant gets (events.registrations.REGISTRANT): their status, when and
where, the connection link once they have a seat, the links to their page and to cancel, and
the event as an .ics file. Plain text, written here rather than in a template, where line
breaks are the message's layout."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.templatetags.french import day
from aict_site.typography import french_text

from .calendars import calendar_of, where
from .models import Registration
from .registrations import event_recipients, ticket


def absolute(path):
    return settings.SITE_URL + path


def when(event):
    starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    end = ends.strftime("%H:%M") if starts.date() == ends.date() else day(ends, "l j F Y, H:i")
    return f"{day(starts, 'l j F Y, H:i').capitalize()} – {end}"


def status_sentence(registration):
    title = registration.event.title
    if registration.status != Registration.Status.CONFIRMED:
        return _(
            "“%(title)s” is full: you are on the waiting list. If a seat becomes free, it is "
            "yours in the order of registration, and we will write to you."
        ) % {"title": title}
    if registration.promoted_at:
        return _("A seat is free: your registration for “%(title)s” is confirmed.") % {
            "title": title
        }
    return _("Your registration for “%(title)s” is confirmed.") % {"title": title}


def body(registration, confirmed):
    event = registration.event
    token = ticket(registration)
    place = where(event)
    if event.also_online:
        place += " — " + _("or online")
    when_label, where_label, link_label = _("When"), _("Where"), _("Connection link:")
    event_label, ticket_label = _("The event:"), _("Your registration:")
    lines = [
        _("Hello %(name)s,") % {"name": registration.name},
        "",
        status_sentence(registration),
        "",
        f"{when_label} : {when(event)}",
        f"{where_label} : {place}",
    ]
    if confirmed and event.joins_online and event.online_url:
        lines.append(f"{link_label} {event.online_url}")
    kwargs = {"slug": event.slug, "ticket": token}
    lines += [
        "",
        f"{event_label} {absolute(event.get_absolute_url())}",
        f"{ticket_label} {absolute(reverse('events:registered', kwargs=kwargs))}",
    ]
    if confirmed:
        lines.append(_("The event is attached to this email, to add to your calendar."))
    lines += [
        "",
        _("If you cannot come, please cancel, so that someone else gets your seat:"),
        absolute(reverse("events:cancel", kwargs=kwargs)),
        "",
        _(
            "You receive this email because this address was registered on the Lianes "
            "coopération site. If it was not you, cancel with the link above: nothing else "
            "will be sent."
        ),
        "",
        "-- ",
        "Lianes coopération",
    ]
    return french_text("\n".join(lines) + "\n")


def build_registrant_message(registration):
    event = registration.event
    confirmed = registration.status == Registration.Status.CONFIRMED
    if not confirmed:
        subject = _("Waiting list: %(event)s")
    elif registration.promoted_at:
        subject = _("A seat is free for you: %(event)s")
    else:
        subject = _("Registration confirmed: %(event)s")
    message = EmailMessage(
        subject=" ".join((subject % {"event": event.title}).split())[:200],
        body=body(registration, confirmed),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        # An answer reaches the team that holds the event.
        reply_to=event_recipients(event) or None,
    )
    if confirmed:
        calendar = calendar_of([event], absolute, event.title, registered=True)
        message.attach(f"{event.slug}.ics", calendar, "text/calendar; method=PUBLISH")
    return message

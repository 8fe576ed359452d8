"""iCalendar files of closing deadlines, built with the icalendar library.

Each deadline is an all-day event on its closing date (the exact time is in the text), with
a UID derived from the call's own stable UUID: an edited date updates the subscriber's event.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//Lianes cooperation//Financements AICT//FR"


def uid_for(call):
    return f"appel-{call.uid}@lianescooperation.org"


def deadline_event(call, base_url):
    closes = timezone.localtime(call.closes_at)
    event = Event()
    event.add("uid", uid_for(call))
    event.add("summary", _("Clôture : %(call)s") % {"call": call.title})
    event.add("dtstart", closes.date())
    event.add("dtend", closes.date() + timedelta(days=1))
    event.add("dtstamp", timezone.now())
    event.add("last-modified", call.updated_at)
    # Grows with every edit, so clients replace the event they hold.
    event.add("sequence", int(call.updated_at.timestamp()) - int(call.created_at.timestamp()))
    description = _("%(scheme)s — clôture le %(date)s à %(time)s (heure de Paris).") % {
        "scheme": call.scheme.title,
        "date": closes.strftime("%d/%m/%Y"),
        "time": closes.strftime("%H:%M"),
    }
    event.add("description", description)
    event.add("url", base_url + call.get_absolute_url())
    event.add("transp", "TRANSPARENT")
    return event


def calendar_of(calls, base_url, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for call in calls:
        if call.closes_at:
            calendar.add_component(deadline_event(call, base_url))
    return calendar.to_ical()

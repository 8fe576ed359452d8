"""What every iCalendar file of the site shares: the envelope, the stamps, the response."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from .controls import multi_line, single_line


def new_calendar(prodid, name):
    """An empty calendar named `name`, in the site's time zone."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def new_event(uid, record):
    """An event for `record` (with created_at and updated_at), stamped so that clients replace
    the copy they hold after each edit: the sequence grows with every save."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("last-modified", record.updated_at)
    event.add("sequence", int(record.updated_at.timestamp()) - int(record.created_at.timestamp()))
    return event


# Values that may hold several lines; every other text value is one line.
MULTI_LINE = {"DESCRIPTION"}


def serialised(calendar):
    """The calendar as bytes, each text value cleaned of what staff pasted and iCalendar
    refuses (a line break in a title, a vertical tab): a stored title never breaks a file."""
    for component in calendar.walk():
        for name, value in list(component.items()):
            if isinstance(value, str):
                clean = multi_line if name in MULTI_LINE else single_line
                component[name] = type(value)(clean(value))
    return calendar.to_ical()


def ics_response(content, filename):
    """An iCalendar file that calendar clients subscribe to or open."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response

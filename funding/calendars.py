"""iCalendar files of closing deadlines, built with the icalendar library.

Each deadline is an all-day event on its closing date (the hour, when the source gives one, is
in the text), with a UID derived from the call's own stable UUID: an edited date updates the
subscriber's event.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.calendars import new_calendar, new_event, serialised

from .templatetags.funding_tags import closing

PRODID = "-//Lianes cooperation//Financements AICT//FR"


def uid_for(call):
    return f"appel-{call.uid}@lianescooperation.org"


def deadline_event(call, absolute):
    closes = timezone.localtime(call.closes_at)
    event = new_event(uid_for(call), call)
    event.add("summary", _("Closing: %(call)s") % {"call": call.title})
    event.add("dtstart", closes.date())
    event.add("dtend", closes.date() + timedelta(days=1))
    description = _("%(scheme)s — closes on %(date)s.") % {
        "scheme": call.scheme.title,
        "date": closing(call),
    }
    event.add("description", description)
    event.add("url", absolute(call.get_absolute_url()))
    event.add("transp", "TRANSPARENT")
    return event


def calendar_of(calls, absolute, name):
    """`absolute(path)` makes a full address, e.g. request.build_absolute_uri."""
    calendar = new_calendar(PRODID, name)
    for call in calls:
        if call.closes_at:
            calendar.add_component(deadline_event(call, absolute))
    return serialised(calendar)

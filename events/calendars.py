"""Events as iCalendar, with the icalendar library; UIDs come from each event's own UUID."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODID = "-//Lianes cooperation//Agenda//FR"


def uid_for(event):
    return f"evenement-{event.uid}@lianescooperation.org"


def where(event):
    if event.place == event.Place.ONLINE:
        return _("En ligne")
    if event.place == event.Place.OFFICE and event.office:
        return ", ".join([*event.office.lines, f"{event.office.postal_code} {event.office.city}"])
    return event.address


def calendar_of(events, base_url, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        item = CalendarEvent()
        item.add("uid", uid_for(event))
        item.add("summary", event.title)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("dtstamp", timezone.now())
        item.add("last-modified", event.updated_at)
        item.add("sequence", int(event.updated_at.timestamp() - event.created_at.timestamp()))
        item.add("location", where(event))
        item.add("description", event.summary)
        item.add("url", base_url + event.get_absolute_url())
        calendar.add_component(item)
    return calendar.to_ical()

"""Events as iCalendar, with the icalendar library; UIDs come from each event's own UUID."""

from django.utils.translation import gettext as _

from aict_site.calendars import new_calendar, new_event

PRODID = "-//Lianes cooperation//Agenda//FR"


def uid_for(event):
    return f"evenement-{event.uid}@lianescooperation.org"


def where(event):
    if event.place == event.Place.ONLINE:
        return _("Online")
    if event.place == event.Place.OFFICE and event.office:
        return ", ".join([*event.office.lines, f"{event.office.postal_code} {event.office.city}"])
    return event.address


def calendar_of(events, absolute, name):
    """`absolute(path)` makes a full address, e.g. request.build_absolute_uri."""
    calendar = new_calendar(PRODID, name)
    for event in events:
        item = new_event(uid_for(event), event)
        item.add("summary", event.title)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("location", where(event))
        item.add("description", event.summary)
        item.add("url", absolute(event.get_absolute_url()))
        calendar.add_component(item)
    return calendar.to_ical()

"""Events as iCalendar, with the icalendar library; UIDs come from each event's own UUID."""

from django.utils.translation import gettext as _

from aict_site.calendars import new_calendar, new_event, serialised

PRODID = "-//Lianes cooperation//Agenda//FR"


def uid_for(event):
    return f"evenement-{event.uid}@lianescooperation.org"


def where(event):
    if event.place == event.Place.ONLINE:
        return _("Online")
    if event.place == event.Place.OFFICE and event.office:
        return ", ".join([*event.office.lines, f"{event.office.postal_code} {event.office.city}"])
    return event.address


def calendar_of(events, absolute, name, registered=False):
    """`absolute(path)` makes a full address, e.g. request.build_absolute_uri. A registrant's
    copy (`registered`) carries the connection link, which the public agenda never shows."""
    calendar = new_calendar(PRODID, name)
    if registered:
        # Sent as an attachment: mail clients offer to add it to the calendar.
        calendar.add("method", "PUBLISH")
    for event in events:
        item = new_event(uid_for(event), event)
        item.add("summary", event.title)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("location", where(event))
        description = event.summary
        if registered and event.joins_online and event.online_url:
            description += "\n\n" + _("Connection link: %(url)s") % {"url": event.online_url}
        item.add("description", description)
        item.add("url", absolute(event.get_absolute_url()))
        calendar.add_component(item)
    return serialised(calendar)

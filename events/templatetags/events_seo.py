from django import template

from aict_site.templatetags.seo import jsonld
from events.calendars import where

register = template.Library()


@register.simple_tag(takes_context=True)
def event_jsonld(context, event):
    request = context["request"]
    online = event.place == event.Place.ONLINE
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.starts_at.isoformat(),
        "endDate": event.ends_at.isoformat(),
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "location": {
            "@type": "VirtualLocation",
            "url": request.build_absolute_uri(event.get_absolute_url()),
        }
        if online
        else {"@type": "Place", "name": where(event), "address": where(event)},
        "organizer": {
            "@type": "Organization",
            "name": "Lianes coopération",
            "url": request.build_absolute_uri("/"),
        },
    }
    return jsonld(data)

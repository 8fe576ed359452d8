from django import template

from events.models import Event

register = template.Library()


@register.inclusion_tag("events/next_events.html")
def next_events(count=3, heading_level=2):
    """The next events, for the home page or any other."""
    return {
        "events": list(Event.objects.upcoming().select_related("kind")[:count]),
        "level": heading_level,
    }

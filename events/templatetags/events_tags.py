from django import template

from aict_site.fragments import cached_inclusion_tag
from events.models import Event

register = template.Library()


@cached_inclusion_tag(register, "events/_next_events.html", clock=True)
def next_events(context, count=3, heading_level=2):
    """The next events, for the home page or any other."""
    return {
        "events": list(Event.objects.upcoming().select_related("kind", "office")[:count]),
        "level": heading_level,
    }

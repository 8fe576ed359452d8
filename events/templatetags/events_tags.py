from django import template
from django.db.models import Exists, OuterRef

from aict_site.caching.fragments import cached_inclusion_tag
from events.models import Event

register = template.Library()


@cached_inclusion_tag(register, "events/_next_events.html", clock=True)
def next_events(count=3, heading_level=2):
    """The next events, for the home page or any other."""
    return {
        "events": list(Event.objects.upcoming().select_related("kind", "office")[:count]),
        "level": heading_level,
    }


@cached_inclusion_tag(register, "events/_next_events.html", clock=True)
def next_events_near(departement_id=None, count=4, heading_level=2):
    """The next events, those held by the office serving `departement_id` first."""
    events = Event.objects.upcoming().select_related("kind", "office")
    if departement_id:
        # The office model, without importing the contacts app.
        offices = Event._meta.get_field("office").related_model.objects
        near = Exists(offices.filter(pk=OuterRef("office_id"), departements=departement_id))
        events = events.annotate(near=near).order_by("-near", "starts_at")
    return {"events": list(events[:count]), "level": heading_level}

"""Resources shown elsewhere: the latest on the home page, and those of a scheme or an event
on its page (its call rules, model documents, presentations)."""

from django import template

from aict_site.caching.fragments import cached_inclusion_tag

from ..models import Resource

register = template.Library()

RELATIONS = {"funding.scheme": "schemes", "events.event": "events"}


@cached_inclusion_tag(register, "resources/_latest_resources.html")
def latest_resources(count=3, heading_level=2, fold=False):
    """The latest resources; `fold`: in a block a phone shows folded (the home page)."""
    latest = Resource.objects.published().order_by("-created_at", "-pk")
    return {"resources": list(latest[:count]), "level": heading_level, "fold": fold}


@cached_inclusion_tag(register, "resources/_resources_for.html")
def resources_for(record, heading_level=2):
    relation = RELATIONS[record._meta.label_lower]
    resources = Resource.objects.published().filter(**{relation: record})
    return {"resources": list(resources), "level": heading_level}

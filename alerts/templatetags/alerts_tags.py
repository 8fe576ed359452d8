from django import template

from aict_site.caching.fragments import cached_inclusion_tag

register = template.Library()


@cached_inclusion_tag(register, "alerts/_subscribe_fields.html")
def blank_subscribe_fields(form):
    """The subscription form's fields before anything is typed: the same for everyone who
    follows the same link (its signed timestamp is rendered outside them)."""
    return {"form": form}

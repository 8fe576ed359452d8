"""A finder's fields (django-filter), kept as a fragment: rendering a form's widgets costs
more than the rest of a list page, and depends only on the values submitted."""

from django import template

from aict_site.fragments import cached_inclusion_tag, submitted_values

register = template.Library()


def finder_and_values(finder):
    # Two finders given the same values render different fields.
    return f"{type(finder).__module__}.{type(finder).__name__}:{submitted_values(finder)}"


@cached_inclusion_tag(register, "includes/finder_fields.html", vary=finder_and_values)
def finder_fields(context, finder):
    return {"finder": finder}

"""A finder's fields (django-filter), kept as a fragment: rendering a form's widgets costs
more than the rest of a list page, and depends only on the values submitted."""

from django import template

from aict_site.caching.fragments import cached_inclusion_tag

register = template.Library()


@cached_inclusion_tag(register, "includes/finder_fields.html")
def finder_fields(finder):
    return {"finder": finder}

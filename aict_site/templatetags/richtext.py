from django import template
from django.utils.safestring import mark_safe

from aict_site.richtext import sanitize_html

register = template.Library()


@register.filter
def richtext(value):
    """Sanitise again on display: the stored HTML is never trusted as such."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised just above

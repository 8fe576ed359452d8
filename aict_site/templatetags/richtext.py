from django import template
from django.utils.safestring import mark_safe

from aict_site.richtext import sanitize_html, with_sections

register = template.Library()


@register.filter
def richtext(value):
    """Sanitise again on display: the stored HTML is never trusted as such."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised just above


@register.simple_tag
def richtext_sections(value):
    """The sanitised text with anchored headings, and its sections for « Sur cette page »:
    `{% richtext_sections page.body as body %}{{ body.html }}`."""
    html, sections = with_sections(value)
    return {"html": mark_safe(html), "sections": sections}  # noqa: S308 - sanitised

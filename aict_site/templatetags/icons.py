"""The site's icons: a few line drawings inline in the page, in the text's colour, so they
cost no request, no icon font and no script. Each is decorative: the text beside it says
what it means."""

from django import template
from django.utils.html import format_html

register = template.Library()

# 24 × 24 strokes, drawn for this site.
ICONS = {
    "book": "M4 19V5a2 2 0 0 1 2-2h14v14H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h14",
    "euro": "M17 5.5A7 7 0 1 0 17 18.5M4 10h9M4 14h9",
    "person": "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
    "calendar": (
        "M5 5h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z"
        "M3 10h18M8 3v4M16 3v4"
    ),
    "phone": (
        "M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2"
        "A16 16 0 0 1 3 5a2 2 0 0 1 2-2z"
    ),
    "mail": "M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zM3 7l9 6 9-6",
    "clock": "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 3",
    "arrow": "M5 12h14M13 6l6 6-6 6",
}


@register.simple_tag
def icon(name, size=24):
    """`{% icon "calendar" %}`: an inline SVG, hidden from assistive technologies."""
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false" width="{}" height="{}" '
        'viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" '
        'stroke-linecap="round" stroke-linejoin="round"><path d="{}"/></svg>',
        size,
        size,
        ICONS[name],
    )

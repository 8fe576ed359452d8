"""French typography for dates and amounts, so that no template formats them by hand."""

import re

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.dates import MONTHS

register = template.Library()

NBSP = "\u00a0"


def first_of_month(text):
    """French writes the first day of a month as an ordinal: « 1er mars », never « 1 mars ».
    The months are read at each call: MONTHS holds lazy translations."""
    months = "|".join(re.escape(str(month)) for month in MONTHS.values())
    return re.sub(rf"(?<!\d)1 (?=(?:{months})\b)", "1er ", text, flags=re.IGNORECASE)


@register.filter(expects_localtime=True)
def day(value, arg="j F Y"):
    """A date (or the date part of a datetime, in Paris time) as French writes it."""
    return first_of_month(date_filter(value, arg))


def euros(value):
    """16000 → « 16 000 € », with non-breaking spaces between digit groups and before €."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", NBSP) + NBSP + "€"


register.filter("euros", euros)

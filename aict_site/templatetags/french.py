"""French typography for dates and amounts, so that no template formats them by hand."""

import datetime
import re
from functools import lru_cache

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language

register = template.Library()

NBSP = "\u00a0"


@lru_cache(maxsize=8)
def _first_days(language):
    # Per language: MONTHS holds lazy translations, and lists show dozens of dates.
    months = "|".join(re.escape(str(month)) for month in MONTHS.values())
    return re.compile(rf"(?<!\d)1 (?=(?:{months})\b)", flags=re.IGNORECASE)


def first_of_month(text):
    """French writes the first day of a month as an ordinal: « 1er mars », never « 1 mars »."""
    if "1 " not in text:
        return text
    return _first_days(get_language()).sub("1er ", text)


@register.filter(expects_localtime=True)
def day(value, arg="j F Y"):
    """A date (or the date part of a datetime, in Paris time) as French writes it. Called from
    Python too (feeds, emails, digests): an aware datetime is put in Paris time here, not only
    by the template engine, or a call opening at midnight would read as the day before."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return first_of_month(date_filter(value, arg))


def euros(value):
    """16000 → « 16 000 € », 1234.5 → « 1 234,50 € »: non-breaking spaces between digit
    groups and before €, cents only when there are some."""
    if value in (None, ""):
        return ""
    if value == int(value):
        return f"{int(value):,}".replace(",", NBSP) + NBSP + "€"
    return f"{value:,.2f}".replace(",", NBSP).replace(".", ",") + NBSP + "€"


register.filter("euros", euros)


@register.filter
def grouped(value):
    """14382 → « 14 382 », digit groups parted by non-breaking spaces."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", NBSP)


@register.filter
def weight(size):
    """A file's weight as French readers know it (and the RGAA examples write it):
    « 850 octets », « 35,8 Ko », « 1,2 Mo » (units of 1,000, one decimal)."""
    if size in (None, ""):
        return ""
    for unit, factor in (("Mo", 1_000_000), ("Ko", 1_000)):
        if size >= factor:
            return f"{size / factor:.1f}".replace(".", ",") + NBSP + unit
    return f"{size}{NBSP}octets"


@register.filter
def phone(number):
    """A French phone number as French writes it: « 07.78.59.01.88 » → « 07 78 59 01 88 »
    (non-breaking spaces between pairs of digits); any other number as staff typed it."""
    digits = "".join(char for char in str(number or "") if char.isdigit())
    if len(digits) == 10 and digits.startswith("0"):
        return NBSP.join(digits[index : index + 2] for index in range(0, 10, 2))
    return number


def hour(moment):
    """A time of day as French writes it: « 17 h », « 9 h 30 » (in Paris time)."""
    moment = timezone.localtime(moment)
    if moment.minute:
        return f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"
    return f"{moment.hour}{NBSP}h"


# French spells small counts in running text: « ses cinq départements ».
_SMALL_NUMBERS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]


@register.filter
def spelt(value):
    """2 → « deux » … 9 → « neuf »; from 10, digits (grouped)."""
    if isinstance(value, int) and 0 <= value < len(_SMALL_NUMBERS):
        return _SMALL_NUMBERS[value]
    return grouped(value)

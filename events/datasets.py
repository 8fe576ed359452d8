"""The agenda's open data (aict_site.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from aict_site.datasets import Dataset, Distribution

from .models import Event


def datasets():
    return [
        Dataset(
            key="agenda",
            title=_("Events of the network"),
            description=_("The coming events of Lianes coopération: date, place, audience."),
            page=reverse("events:upcoming"),
            distributions=[
                Distribution(
                    _("Coming events, calendar"),
                    reverse("events:calendar-ics"),
                    "text/calendar",
                    "iCalendar",
                )
            ],
            modified=Event.objects.published().aggregate(last=Max("updated_at"))["last"],
            keywords=(_("events"),),
        )
    ]

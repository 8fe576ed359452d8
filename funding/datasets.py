"""The funding app's open data (aict_site.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from aict_site.datasets import Dataset, Distribution

from .models import Call, Scheme

# The schema the CSV and the JSON follow (its « path », funding/data/schema-dispositif-aide).
SCHEMA = (
    "https://github.com/etalab/schema-dispositif-aide/raw/v0.2.0/build/dispositif-aide/schema.json"
)


def datasets():
    changes = [
        Scheme.objects.published().aggregate(last=Max("updated_at"))["last"],
        Call.objects.filter(is_published=True).aggregate(last=Max("updated_at"))["last"],
    ]
    return [
        Dataset(
            key="dispositifs",
            title=_("Funding schemes and their calls"),
            description=_(
                "The schemes that fund the international action of local authorities, each "
                "with its funder, the authorities and partner countries it is open to, its "
                "themes and sources, and its calls with their opening and closing dates."
            ),
            page=reverse("funding:scheme-list"),
            distributions=[
                Distribution(
                    _("Schemes and calls, « Dispositifs d'aides » schema (CSV)"),
                    reverse("funding-data:schemes-csv"),
                    "text/csv",
                    "CSV",
                ),
                Distribution(
                    _("Schemes and calls, « Dispositifs d'aides » schema (JSON)"),
                    reverse("funding-data:schemes-json"),
                    "application/json",
                    "JSON",
                ),
                Distribution(
                    _("Calls, feed"), reverse("funding:feed"), "application/atom+xml", "Atom"
                ),
                Distribution(
                    _("Closing dates, calendar"),
                    reverse("funding:calendar-ics"),
                    "text/calendar",
                    "iCalendar",
                ),
            ],
            modified=max((moment for moment in changes if moment), default=None),
            schema=SCHEMA,
            keywords=(_("decentralised cooperation"), _("funding"), _("local authorities")),
        )
    ]

"""The directory's open data (aict_site.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from aict_site.datasets import Dataset, Distribution

from .models import Authority


def datasets():
    return [
        Dataset(
            key="collectivites-engagees",
            title=_("Engaged authorities and their cooperations"),
            description=_(
                "The local authorities of Hauts-de-France engaged in international action, "
                "with their partners abroad, countries, themes and sources."
            ),
            page=reverse("directory:authority-list"),
            distributions=[
                Distribution(
                    _("Authorities and cooperations (CSV)"),
                    reverse("directory:authority-csv"),
                    "text/csv",
                    "CSV",
                ),
                Distribution(
                    _("Authorities and cooperations (JSON)"),
                    reverse("directory:authority-json"),
                    "application/json",
                    "JSON",
                ),
            ],
            modified=Authority.objects.published().aggregate(last=Max("updated_at"))["last"],
            keywords=(_("decentralised cooperation"), _("local authorities")),
        )
    ]

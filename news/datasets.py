"""The news' open data (aict_site.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from aict_site.datasets import Dataset, Distribution

from .models import NewsItem


def datasets():
    return [
        Dataset(
            key="actualites",
            title=_("News"),
            description=_("The news of the network and of the schemes, each with its sources."),
            page=reverse("news:list"),
            distributions=[
                Distribution(_("News, feed"), reverse("news:feed"), "application/atom+xml", "Atom")
            ],
            modified=NewsItem.objects.published().aggregate(last=Max("updated_at"))["last"],
            keywords=(_("news"),),
        )
    ]

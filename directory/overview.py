"""What the directory list shows whatever its filters: map, countries, last change."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.functional import cached_property

from reference.models import Country, Departement

from . import exports
from .region_map import map_areas


class DirectoryOverview:
    """The map, the countries and the last change: the same for every filter and page of the
    list, so their blocks keep their HTML (directory_tags) and these queries run only to
    render them."""

    @cached_property
    def departements(self):
        return list(
            Departement.objects.annotate(
                engaged=Count("authorities", filter=Q(authorities__is_published=True))
            )
        )

    @cached_property
    def map_areas(self):
        counts = {d.code: d.engaged for d in self.departements}
        names = {d.code: d.name for d in self.departements}
        list_url = reverse("directory:authority-list")
        return [
            {**area, "url": f"{list_url}?departement={area['code']}"}
            for area in map_areas(counts, names)
        ]

    @cached_property
    def countries(self):
        return list(
            Country.objects.filter(cooperations__authority__is_published=True)
            .annotate(engaged=Count("cooperations__authority", distinct=True))
            .order_by("name")
        )

    @cached_property
    def last_change(self):
        return exports.last_change()

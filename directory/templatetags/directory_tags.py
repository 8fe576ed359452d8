"""The directory list's blocks that are the same for every visitor: each keeps its HTML per
content version (aict_site.caching.fragments), the finder per submitted values."""

from django import template
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.html import format_html_join

from aict_site.caching.fragments import cached_inclusion_tag
from directory import exports
from directory.models import Authority
from directory.overview import DirectoryOverview
from directory.region_map import LEGEND, VIEWBOX
from directory.views import partners_of
from reference.models import Territory

register = template.Library()
NEARBY = 8


@cached_inclusion_tag(register, "directory/_map.html")
def directory_map():
    return {"overview": DirectoryOverview(), "map_viewbox": VIEWBOX, "map_legend": LEGEND}


@cached_inclusion_tag(register, "directory/_finder.html")
def directory_finder(finder):
    return {"finder": finder}


@cached_inclusion_tag(register, "directory/_countries_and_open_data.html")
def directory_countries_and_open_data():
    return {
        "overview": DirectoryOverview(),
        "licence": exports.LICENCE,
        "licence_url": exports.LICENCE_URL,
    }


@cached_inclusion_tag(register, "directory/_brief_members.html")
def brief_members(territory, heading_level=2):
    """Who a territory groups (an EPCI's communes, the EPCI of a département's territory, the
    Région's départements), as links to their briefs: up to 95 links, kept per content
    version. A cross-border EPCI's communes elsewhere and their population are told apart."""
    level = Territory.Level
    members = Territory.objects.filter(is_current=True).order_by("name")
    if territory.level == level.EPCI:
        members = members.filter(epci=territory)
    elif territory.level == level.DEPARTEMENT:
        members = members.filter(level=level.EPCI, departement=territory.departement_id)
    elif territory.level == level.REGION:
        members = members.filter(level=level.DEPARTEMENT).order_by("code")
    else:
        return {"count": 0}
    rows = list(members.values_list("code", "name", "population"))
    root = reverse("briefs:search")
    links = format_html_join(
        "", '<li><a href="{}{}/">{}</a></li>', ((root, code, name) for code, name, _ in rows)
    )
    context = {"count": len(rows), "links": links, "territory": territory}
    if territory.level == level.EPCI and territory.members_elsewhere and territory.population:
        here = sum(population or 0 for _, _, population in rows)
        context.update(population_here=here, population_elsewhere=territory.population - here)
    return context


@cached_inclusion_tag(register, "directory/_engaged_near.html")
def engaged_near(territory, heading_level=2):
    """Authorities of the directory near a territory, with their partners: the same
    intercommunalité first, then the same département (the whole region for the Région)."""
    level = Territory.Level
    epci_id = territory.pk if territory.level == level.EPCI else territory.epci_id
    same_epci = Q(pk=None)
    if epci_id:
        same_epci = Q(territory_id=epci_id) | Q(territory__epci_id=epci_id)
    authorities = Authority.objects.published()
    if territory.level != level.REGION:
        authorities = authorities.filter(same_epci | Q(departement_id=territory.departement_id))
    nearest = Case(When(same_epci, then=Value(0)), default=Value(1), output_field=IntegerField())
    # A few columns, not whole records (their description and search text are long).
    found = list(
        authorities.annotate(nearest=nearest)
        .order_by("nearest", "name")
        .values("pk", "name", "slug", "kind__name")[:NEARBY]
    )
    partners = partners_of([a["pk"] for a in found])
    for authority in found:
        authority["partners"] = partners[authority["pk"]]
    return {"engaged": found, "level": heading_level}

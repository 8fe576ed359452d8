"""The directory list's blocks that are the same for every visitor: each keeps its HTML per
content version (aict_site.fragments), the finder per submitted values."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from aict_site.fragments import cached_inclusion_tag, submitted_values
from directory import exports
from directory.overview import DirectoryOverview
from directory.region_map import LEGEND, VIEWBOX
from reference.models import Territory

register = template.Library()


@cached_inclusion_tag(register, "directory/_map.html")
def directory_map(context):
    return {"overview": DirectoryOverview(), "map_viewbox": VIEWBOX, "map_legend": LEGEND}


@cached_inclusion_tag(register, "directory/_finder.html", vary=submitted_values)
def directory_finder(context, finder):
    return {"finder": finder}


@cached_inclusion_tag(register, "directory/_countries_and_open_data.html")
def directory_countries_and_open_data(context):
    return {
        "overview": DirectoryOverview(),
        "licence": exports.LICENCE,
        "licence_url": exports.LICENCE_URL,
    }


@cached_inclusion_tag(
    register,
    "directory/_brief_members.html",
    vary=lambda territory, heading_level=2: territory.code,
)
def brief_members(context, territory, heading_level=2):
    """Who a territory groups (an EPCI's communes, a département's EPCI, the Région's
    départements), as links to their briefs: up to 95 links, kept per content version."""
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
    rows = list(members.values_list("code", "name"))
    root = reverse("briefs:search")
    links = format_html_join(
        "", '<li><a href="{}{}/">{}</a></li>', ((root, code, name) for code, name in rows)
    )
    return {"count": len(rows), "links": links, "territory": territory}

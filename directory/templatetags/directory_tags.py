"""The directory list's blocks that are the same for every visitor: each keeps its HTML per
content version (aict_site.fragments), the finder per submitted values."""

from django import template
from django.utils.html import format_html_join

from aict_site.fragments import cached_inclusion_tag, submitted_values
from directory import exports
from directory.overview import DirectoryOverview
from directory.region_map import LEGEND, VIEWBOX

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


@register.simple_tag
def brief_links(rows, root):
    """`<li>` links to briefs, for (code, name) rows: an EPCI's 95 communes cost one call
    here rather than three template lookups and a URL reversal each."""
    return format_html_join(
        "", '<li><a href="{}{}/">{}</a></li>', ((root, code, name) for code, name in rows)
    )

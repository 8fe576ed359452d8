from django import template
from django.db.models import Prefetch
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.fragments import cached_inclusion_tag, submitted_values
from aict_site.templatetags.french import day
from aict_site.templatetags.seo import jsonld
from funding.filters import SchemeFilter
from funding.models import Call, Funder, Scheme

register = template.Library()


@register.filter
def closing(call, weekday=False):
    """A call's closing as French writes it, with the hour only when the source gives one."""
    date = day(call.closes_at, "l j F Y" if weekday else "j F Y")
    if not call.closing_time_given:
        return date
    return _("%(date)s at %(time)s (Paris time)") % {
        "date": date,
        "time": date_filter(timezone.localtime(call.closes_at), "H:i"),
    }


@cached_inclusion_tag(register, "funding/_finder.html", vary=submitted_values)
def scheme_finder(context, finder):
    """The finder's form: its rendering depends only on the values it shows."""
    return {"finder": finder}


@cached_inclusion_tag(register, "funding/_quick_finder.html")
def quick_finder(context):
    """The finder's first two questions (type of authority, theme), for the home page: the
    form submits to the finder."""
    form = SchemeFilter(queryset=Scheme.objects.none()).form
    return {"fields": [form["collectivite"], form["theme"]]}


@cached_inclusion_tag(register, "funding/_next_deadlines.html", clock=True)
def next_deadlines(context, count=3, heading_level=2):
    """The next closing deadlines, for the home page or any other."""
    calls = list(Call.objects.upcoming_deadlines().select_related("scheme")[:count])
    return {"calls": calls, "level": heading_level, "now": timezone.now()}


@register.simple_tag(takes_context=True)
def scheme_jsonld(context, scheme):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": scheme.title,
        "description": scheme.summary,
        "url": request.build_absolute_uri(scheme.get_absolute_url()),
        "funder": {"@type": "Organization", "name": scheme.funder.name},
    }
    if scheme.official_url:
        data["sameAs"] = scheme.official_url
    if scheme.amount_max:
        data["amount"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "maxValue": scheme.amount_max,
            **({"minValue": scheme.amount_min} if scheme.amount_min else {}),
        }
    return jsonld(data)


@cached_inclusion_tag(register, "funding/_funders_overview.html")
def funders_overview(context, heading_level=2):
    """Each funder with its presentation and its published schemes."""
    funders = Funder.objects.prefetch_related(
        Prefetch("schemes", queryset=Scheme.objects.published().only("title", "slug", "funder"))
    )
    return {
        "funders": [f for f in funders if f.schemes.all()],
        "level": heading_level,
        "sublevel": heading_level + 1,
    }

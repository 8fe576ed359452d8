from urllib.parse import urlencode

from django import template
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.caching.fragments import cached_inclusion_tag
from aict_site.templatetags.french import day, hour
from aict_site.templatetags.seo import jsonld
from funding import one_percent
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
        "time": hour(call.closes_at),
    }


@cached_inclusion_tag(register, "funding/_finder.html")
def scheme_finder(finder):
    """The finder's form: its rendering depends only on the values it shows."""
    return {"finder": finder}


@cached_inclusion_tag(register, "funding/_quick_finder.html")
def quick_finder():
    """The finder's first two questions (type of authority, theme), for the home page: the
    form submits to the finder."""
    form = SchemeFilter(queryset=Scheme.objects.none()).form
    return {"fields": [form["collectivite"], form["theme"]]}


@cached_inclusion_tag(register, "funding/_next_deadlines.html", clock=True)
def next_deadlines(count=3, heading_level=2):
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
def funders_overview(heading_level=2):
    """Each funder with its presentation and its published schemes."""
    funders = Funder.objects.prefetch_related(
        Prefetch("schemes", queryset=Scheme.objects.published().only("title", "slug", "funder"))
    )
    return {
        "funders": [f for f in funders if f.schemes.all()],
        "level": heading_level,
        "sublevel": heading_level + 1,
    }


# How many schemes a brief shows before the others, folded.
FIRST_SCHEMES = 4


@cached_inclusion_tag(register, "funding/_schemes_for_type.html", clock=True)
def schemes_for_type(authority_types, heading_level=2, territory_code=""):
    """The schemes open to an authority's types (or naming no type), each with its open or
    next call: first the few that fit it best (an open or announced call, then those naming
    its type and open to any partner country), then the others. Given the territory's code,
    « Préparer ma candidature » opens for it (its type, its levers known)."""
    schemes = (
        Scheme.objects.published()
        .exclude(kind=Scheme.Kind.LEGAL)
        .select_related("funder")
        .prefetch_related(Prefetch("calls", queryset=Call.objects.filter(is_published=True)))
    )
    # Read in the same query: whether it names one of the types, whether it names a country.
    types_through = Scheme.eligible_authority_types.through
    countries_through = Scheme.countries.through
    schemes = schemes.annotate(
        names_type=Exists(
            types_through.objects.filter(
                scheme_id=OuterRef("pk"), authoritytype__in=authority_types
            )
        ),
        names_country=Exists(countries_through.objects.filter(scheme_id=OuterRef("pk"))),
    )
    if authority_types:
        schemes = schemes.filter(
            Q(eligible_authority_types__in=authority_types)
            | Q(eligible_authority_types__isnull=True)
        ).distinct()
    now = timezone.now()
    rows = []
    for scheme in schemes:
        calls = scheme.calls_by_state(now)
        fits = scheme.names_type and not scheme.names_country
        rank = 0 if calls["open"] else 1 if calls["upcoming"] else 2 if fits else 3
        first_open, first_next = calls["open"][:1], calls["upcoming"][:1]
        rows.append({"scheme": scheme, "open": first_open, "next": first_next, "rank": rank})
    rows.sort(key=lambda row: row["rank"])
    if territory_code:
        prepare_query = urlencode({"territoire": territory_code})
    else:
        prepare_query = f"collectivite={authority_types[0].pk}" if authority_types else ""
    return {
        "first": rows[:FIRST_SCHEMES],
        "others": rows[FIRST_SCHEMES:],
        "authority_type": authority_types[0] if authority_types else None,
        "prepare_query": prepare_query,
        "level": heading_level,
    }


@cached_inclusion_tag(register, "funding/_one_percent.html")
def one_percent_levers(territory, authority_type, data, heading_level=2):
    """Who holds each service a « 1 % » lever draws on, for this authority, and the calculator
    for the services it may hold (answered from the query string `data` when submitted); a
    département and the Région, which hold none, read what they can do instead."""
    services = one_percent.services_of(territory)
    context = {
        "territory": territory,
        "services": services,
        "authority_type": authority_type,
        "level": heading_level,
        "sublevel": heading_level + 1,
    }
    own = [service for service in services if service.yours]
    if not own:
        return context
    submitted = "budget" in data
    form = one_percent.OnePercentForm(own, data if submitted else None)
    valid = submitted and form.is_valid()
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs["aria-describedby"] = f"{form[name].auto_id}-error"
    context.update(
        form=form,
        ceiling=form.ceiling() if valid else None,
        chosen=form.service() if valid else None,
        budget=form.cleaned_data.get("budget") if valid else None,
        versement=form.cleaned_data.get("versement") if valid else None,
    )
    return context


# A scheme's page on a miss of the page cache: its parts are kept, so that the page reads
# the scheme alone (five relations and its calls were read on every miss).
@cached_inclusion_tag(register, "funding/_scheme_facts.html")
def scheme_facts(scheme):
    """Who may apply, themes, countries, amounts and conditions."""
    prefetch_related_objects(
        [scheme], "eligible_authority_types", "themes", "countries", "country_groups", "checklist"
    )
    return {"scheme": scheme}


@cached_inclusion_tag(register, "funding/_scheme_calls.html", clock=True)
def scheme_calls(scheme):
    """Its open and announced calls and its past editions: they change state with the clock."""
    prefetch_related_objects(
        [scheme], Prefetch("calls", queryset=Call.objects.order_by("closes_at"))
    )
    states = scheme.calls_by_state()
    return {"scheme": scheme, "states": states, "past": scheme.past_editions(states["closed"])}


@cached_inclusion_tag(register, "funding/_related_schemes.html")
def related_schemes(scheme):
    return {"related": scheme.related()}

from django import template
from django.db.models import Prefetch, Q, prefetch_related_objects
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


@cached_inclusion_tag(register, "funding/_schemes_for_type.html", clock=True)
def schemes_for_type(authority_type, heading_level=2):
    """The schemes open to an authority type (or naming no type), each with its open or next
    call; the « 1 % » levers have their own block."""
    schemes = (
        Scheme.objects.published()
        .exclude(kind=Scheme.Kind.LEGAL)
        .select_related("funder")
        .prefetch_related(Prefetch("calls", queryset=Call.objects.filter(is_published=True)))
    )
    if authority_type is not None:
        schemes = schemes.filter(
            Q(eligible_authority_types=authority_type) | Q(eligible_authority_types__isnull=True)
        ).distinct()
    now = timezone.now()
    rows = []
    for scheme in schemes:
        calls = scheme.calls_by_state(now)
        rows.append({"scheme": scheme, "open": calls["open"][:1], "next": calls["upcoming"][:1]})
    # Open calls first, then the announced ones, then the rest, each in the finder's order.
    rows.sort(key=lambda row: 0 if row["open"] else 1 if row["next"] else 2)
    return {"rows": rows, "authority_type": authority_type, "level": heading_level}


@cached_inclusion_tag(register, "funding/_one_percent.html")
def one_percent_levers(authority_type, data, heading_level=2):
    """The four « 1 % » levers, whether each is open to the authority's type, and the
    calculator, answered from the query string (`data`) when it was submitted."""
    levers = one_percent.levers()
    for lever in levers:
        types = list(lever.eligible_authority_types.all())
        lever.type_names = [t.name for t in types]
        lever.open_to_type = authority_type is not None and authority_type in types
    submitted = "budget" in data
    form = one_percent.OnePercentForm(levers, data if submitted else None)
    ceiling = form.ceiling() if submitted and form.is_valid() else None
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs["aria-describedby"] = f"{form[name].auto_id}-error"
    chosen = next((lever for lever in levers if lever.slug == data.get("levier")), None)
    return {
        "levers": levers,
        "form": form,
        "ceiling": ceiling,
        "chosen": chosen,
        "budget": form.cleaned_data.get("budget") if ceiling is not None else None,
        "level": heading_level,
    }


# A scheme's page on a miss of the page cache: its parts are kept, so that the page reads
# the scheme alone (five relations and its calls were read on every miss).
@cached_inclusion_tag(register, "funding/_scheme_facts.html")
def scheme_facts(scheme):
    """Who may apply, themes, countries, amounts and conditions."""
    prefetch_related_objects(
        [scheme], "eligible_authority_types", "themes", "countries", "checklist"
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

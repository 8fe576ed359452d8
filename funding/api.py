"""The funding app's part of the JSON API (aict_site.api): schemes with their calls and
eligibility, answering to the finder's own filters (funding.filters) so that the API and
/financements/ always agree; calls; and a territory's schemes and levers."""

from datetime import date, datetime

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from aict_site.api import PAGE_SIZE, Problem
from reference.authority_types import authority_types_of
from reference.models import Territory

from .filters import SchemeFilter, clean_params
from .models import Call, Scheme
from .one_percent import services_of

router = Router(tags=[_("Funding")])
CALL_STATES = {"ouvert": "open", "a-venir": "upcoming", "clos": "closed"}


class CallOut(Schema):
    uid: str
    title: str
    opens_at: datetime | None
    closes_at: datetime | None
    state: str  # open, upcoming or closed
    url: str
    notes: str


class SourceOut(Schema):
    text: str | None
    url: str


class SchemeOut(Schema):
    slug: str
    title: str
    funder: str
    kind: str
    summary: str
    page: str
    official_url: str
    authority_types: list[str]
    themes: list[str]
    countries_rule: str  # only: the countries named; except: every country but those
    countries: list[str]
    country_groups: list[str]
    sources: list[SourceOut]
    verified_on: date | None
    calls: list[CallOut]


class CallWithSchemeOut(CallOut):
    scheme: str


class BriefSchemeOut(Schema):
    slug: str
    title: str
    page: str
    open_call: CallOut | None
    next_call: CallOut | None


class BriefOut(Schema):
    code: str
    name: str
    level: str
    departement: str | None
    authority_types: list[str]
    schemes: list[BriefSchemeOut]
    levers: list[str]


def call_data(call, request, now):
    return {
        "uid": str(call.uid),
        "title": call.title,
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "state": call.state(now),
        "url": call.url or request.build_absolute_uri(call.get_absolute_url()),
        "notes": call.notes,
    }


def first_call(calls, request, now):
    return call_data(calls[0], request, now) if calls else None


def scheme_data(scheme, request, now):
    return {
        "slug": scheme.slug,
        "title": scheme.title,
        "funder": str(scheme.funder),
        "kind": scheme.kind,
        "summary": scheme.summary,
        "page": request.build_absolute_uri(scheme.get_absolute_url()),
        "official_url": scheme.official_url,
        "authority_types": [t.name for t in scheme.eligible_authority_types.all()],
        "themes": [t.slug for t in scheme.themes.all()],
        "countries_rule": scheme.countries_rule,
        "countries": [c.code for c in scheme.countries.all()],
        "country_groups": [g.name for g in scheme.country_groups.all()],
        "sources": [{"text": text, "url": url} for text, url in scheme.source_parts()],
        "verified_on": scheme.verified_on,
        "calls": [call_data(c, request, now) for c in scheme.calls.all() if c.is_published],
    }


def finder_schemes(params):
    """The schemes the finder lists for these parameters, in its order; a value the finder
    would not take is a 400, not silently dropped."""
    params = params.copy()
    params.pop("page", None)  # the API's own paging, not a filter
    data, ignored = clean_params(params)
    finder = SchemeFilter(data, queryset=Scheme.objects.for_finder())
    if ignored or not finder.is_valid():
        names = sorted({*ignored, *finder.errors})
        detail = gettext("Unknown parameter or value: %(names)s") % {"names": ", ".join(names)}
        raise HttpError(400, detail)
    return finder.qs


SCHEME_RELATIONS = [
    *("eligible_authority_types", "themes", "countries", "country_groups"),
    Prefetch("calls", queryset=Call.objects.order_by("closes_at", "pk")),
]


@router.get(
    "/dispositifs/",
    response=list[SchemeOut],
    summary=_("Schemes, filtered as on /financements/"),
    description=_(
        "The parameters of the /financements/ finder: collectivite (the number of an "
        "authority type), theme (the address of a theme), pays (a two-letter ISO code), "
        "ouvert=1 (a call open today). Pages of 50: page=2…"
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def schemes(request):
    now = timezone.now()
    found = finder_schemes(request.GET).prefetch_related(*SCHEME_RELATIONS)
    return [scheme_data(scheme, request, now) for scheme in found]


@router.get(
    "/dispositifs/{slug}/", response={200: SchemeOut, 404: Problem}, summary=_("One scheme")
)
def scheme(request, slug: str):
    found = Scheme.objects.published().filter(slug=slug).select_related("funder")
    record = found.prefetch_related(*SCHEME_RELATIONS).first()
    if record is None:
        raise Http404
    return scheme_data(record, request, timezone.now())


@router.get(
    "/appels/",
    response={200: list[CallWithSchemeOut], 400: Problem},
    summary=_("Calls (the schemes' editions)"),
    description=_(
        "etat=ouvert|a-venir|clos; cloture_apres and cloture_avant (YYYY-MM-DD) bound the "
        "closing date. Pages of 50."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def calls(request, etat: str = "", cloture_apres: str = "", cloture_avant: str = ""):
    now = timezone.now()
    found = Call.objects.published().filter(scheme__is_published=True).select_related("scheme")
    bounds = {"closes_at__date__gte": cloture_apres, "closes_at__date__lte": cloture_avant}
    for lookup, text in bounds.items():
        if text:
            day = parse_date(text) if len(text) == 10 else None
            if day is None:
                raise HttpError(400, gettext("A date is expected as YYYY-MM-DD."))
            found = found.filter(**{lookup: day})
    if etat and etat not in CALL_STATES:
        raise HttpError(400, gettext("etat: ouvert, a-venir or clos."))
    rows = []
    for call in found.order_by("closes_at", "pk"):
        if etat and call.state(now) != CALL_STATES[etat]:
            continue
        rows.append({**call_data(call, request, now), "scheme": call.scheme.slug})
    return rows


@router.get(
    "/territoires/{code}/",
    response={200: BriefOut, 404: Problem},
    summary=_("« Ma collectivité » brief: a territory's schemes and levers"),
    description=_("code: the INSEE code of a commune or département, the SIREN of an EPCI."),
)
def territory(request, code: str):
    place = (
        Territory.objects.filter(code=code[:20], is_current=True).select_related("departement")
    ).first()
    if place is None:
        raise Http404
    types = authority_types_of(place)
    now = timezone.now()
    found = (
        Scheme.objects.published()
        .exclude(kind=Scheme.Kind.LEGAL)
        .filter(Q(eligible_authority_types__in=types) | Q(eligible_authority_types__isnull=True))
        .distinct()
        .prefetch_related(Prefetch("calls", queryset=Call.objects.filter(is_published=True)))
        .order_by("title")
    )
    rows = []
    for item in found:
        grouped = item.calls_by_state(now)
        rows.append(
            {
                "slug": item.slug,
                "title": item.title,
                "page": request.build_absolute_uri(item.get_absolute_url()),
                "open_call": first_call(grouped["open"], request, now),
                "next_call": first_call(grouped["upcoming"], request, now),
            }
        )
    levers = [service.lever.slug for service in services_of(place) if service.lever]
    return {
        "code": place.code,
        "name": place.name,
        "level": place.level,
        "departement": place.departement.code if place.departement else None,
        "authority_types": [t.name for t in types],
        "schemes": rows,
        "levers": sorted(set(levers)),
    }

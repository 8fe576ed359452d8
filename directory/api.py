"""The directory's part of the JSON API (aict_site.api): the engaged authorities and their
cooperations."""

from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from aict_site.api import PAGE_SIZE

from .filters import AuthorityFilter
from .models import Authority, Cooperation

MAX_VALUE_LENGTH = 100

router = Router(tags=[_("Engaged authorities")])


class CooperationOut(Schema):
    partner_name: str
    country: str | None
    since_year: int | None
    is_current: bool
    themes: list[str]


class AuthorityOut(Schema):
    slug: str
    name: str
    kind: str
    departement: str | None
    page: str
    cooperations: list[CooperationOut]


def directory_authorities(params):
    """The authorities the directory lists for these parameters; a value it would not take is
    a 400."""
    params = {key: value for key, value in params.items() if key != "page"}
    finder = AuthorityFilter(params, queryset=Authority.objects.published())
    if any(len(value) > MAX_VALUE_LENGTH for value in params.values()) or not finder.is_valid():
        names = sorted(finder.errors) or sorted(params)
        detail = gettext("Unknown parameter or value: %(names)s") % {"names": ", ".join(names)}
        raise HttpError(400, detail)
    unknown = set(params) - set(AuthorityFilter.base_filters)
    if unknown:
        detail = gettext("Unknown parameter or value: %(names)s") % {"names": ", ".join(unknown)}
        raise HttpError(400, detail)
    return finder.qs


@router.get(
    "/collectivites/",
    response=list[AuthorityOut],
    summary=_("Engaged authorities and their cooperations"),
    description=_(
        "The parameters of the /collectivites-engagees/ directory: type (the number of an "
        "authority type), departement (its code), pays (a two-letter ISO code), theme (the "
        "address of a theme). Pages of 50."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def authorities(request):
    cooperations = Cooperation.objects.select_related("country").prefetch_related("themes")
    found = (
        directory_authorities(request.GET)
        .select_related("kind", "departement")
        .prefetch_related(Prefetch("cooperations", queryset=cooperations))
        .order_by("name")
    )
    return [
        {
            "slug": authority.slug,
            "name": authority.name,
            "kind": str(authority.kind),
            "departement": authority.departement.code if authority.departement else None,
            "page": request.build_absolute_uri(authority.get_absolute_url()),
            "cooperations": [
                {
                    "partner_name": cooperation.partner_name,
                    "country": cooperation.country.code if cooperation.country else None,
                    "since_year": cooperation.since_year,
                    "is_current": cooperation.is_current,
                    "themes": [theme.slug for theme in cooperation.themes.all()],
                }
                for cooperation in authority.cooperations.all()
            ],
        }
        for authority in found
    ]

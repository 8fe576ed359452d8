"""The directory's part of the JSON API (aict_site.api): the engaged authorities and their
cooperations."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from aict_site.api import PAGE_SIZE

from .models import Authority, Cooperation

router = Router(tags=[_("Engaged authorities")])


def absolute(request, path):
    return request.build_absolute_uri(path)


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


@router.get(
    "/collectivites/",
    response=list[AuthorityOut],
    summary=_("Engaged authorities and their cooperations"),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def authorities(request):
    cooperations = Cooperation.objects.select_related("country").prefetch_related("themes")
    found = (
        Authority.objects.published()
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
            "page": absolute(request, authority.get_absolute_url()),
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

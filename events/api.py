"""The agenda's part of the JSON API (aict_site.api): the coming events."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from aict_site.api import PAGE_SIZE

from .models import Event

router = Router(tags=[_("Events")])


class EventOut(Schema):
    slug: str
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    place: str
    audience: str
    page: str


@router.get("/evenements/", response=list[EventOut], summary=_("Coming events"))
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def events(request):
    found = (
        Event.objects.published()
        .filter(ends_at__gte=timezone.now())
        .select_related("kind")
        .order_by("starts_at")
    )
    return [
        {
            "slug": event.slug,
            "title": event.title,
            "kind": str(event.kind),
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "place": event.place,
            "audience": event.audience,
            "page": request.build_absolute_uri(event.get_absolute_url()),
        }
        for event in found
    ]

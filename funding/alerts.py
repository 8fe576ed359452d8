"""Calls for alerts' subscribers: open or announced, published or changed since a moment."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.alerting import Item, Source
from aict_site.templatetags.french import day
from reference.models import Country

from .models import Call, Scheme
from .templatetags.funding_tags import closing


def _restricted(values):
    """A scheme that names no value is open to all of them (None)."""
    return set(values) or None


class CallSource(Source):
    key = "calls"

    def new_items(self, since):
        calls = (
            Call.objects.published()
            .filter(scheme__is_published=True, updated_at__gte=since)
            .filter(Q(closes_at=None) | Q(closes_at__gt=timezone.now()))
            .select_related("scheme")
            .prefetch_related(
                "scheme__eligible_authority_types",
                "scheme__themes",
                "scheme__countries",
                "scheme__country_groups__countries",
            )
        )
        every_code = list(Country.objects.values_list("code", flat=True))
        return [self.item(call, every_code) for call in calls]

    def item(self, call, every_code):
        scheme = call.scheme
        if call.closes_at:
            detail = _("Closing: %(date)s") % {"date": closing(call)}
        elif call.opens_at:
            detail = _("Opening: %(date)s") % {"date": day(call.opens_at)}
        else:
            detail = _("Dates not announced yet")
        return Item(
            source=self.key,
            pk=call.pk,
            title=f"{scheme.title} — {call.title}",
            url=call.get_absolute_url(),
            detail=detail,
            changed_at=call.updated_at,
            facets={
                "types": _restricted(str(t.pk) for t in scheme.eligible_authority_types.all()),
                "themes": _restricted(t.slug for t in scheme.themes.all()),
                "countries": scheme.partner_country_codes(every_code),
                "scheme": {scheme.slug},
            },
        )

    def choices(self):
        return {"scheme": list(Scheme.objects.published().values_list("slug", "title"))}

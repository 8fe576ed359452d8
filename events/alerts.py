"""Events for alerts' subscribers: upcoming, published or changed since a moment."""

from django.utils.translation import gettext as _

from aict_site.alerting import Item, Source
from aict_site.templatetags.french import day

from .models import Event, EventKind


class EventSource(Source):
    key = "events"

    def new_items(self, since):
        events = (
            Event.objects.upcoming()
            .filter(updated_at__gte=since)
            .select_related("kind", "office")
            .prefetch_related("office__departements")
        )
        return [self.item(event) for event in events]

    def item(self, event):
        # Held at an office: the départements it serves; elsewhere or online: anyone's.
        departements = None
        if event.place == Event.Place.OFFICE and event.office:
            departements = {d.code for d in event.office.departements.all()} or None
        when = day(event.starts_at, "l j F Y, H:i")
        return Item(
            source=self.key,
            pk=event.pk,
            title=event.title,
            url=event.get_absolute_url(),
            detail=_("%(kind)s, %(date)s") % {"kind": event.kind, "date": when},
            changed_at=event.updated_at,
            facets={"departement": departements, "kind": {str(event.kind_id)}},
        )

    def choices(self):
        return {"kind": [(str(k.pk), k.name) for k in EventKind.objects.all()]}

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from contacts.models import Office
from events.models import Event, EventKind


def make_event(
    title="Session d’information FICOL",
    starts_in=timedelta(days=10),
    length=timedelta(hours=2),
    **fields,
):
    fields.setdefault("slug", slugify(title))
    fields.setdefault("kind", EventKind.objects.first() or EventKind.objects.create(name="Session"))
    fields.setdefault("summary", "Présentation des financements pour les collectivités.")
    fields.setdefault("is_published", True)
    if "starts_at" not in fields:
        # Events are announced to the minute.
        fields["starts_at"] = (timezone.now() + starts_in).replace(second=0, microsecond=0)
    fields.setdefault("ends_at", fields["starts_at"] + length)
    fields.setdefault("place", Event.Place.OFFICE)
    if fields["place"] == Event.Place.OFFICE:
        fields.setdefault("office", Office.objects.first())
    return Event.objects.create(title=title, **fields)


def make_registration(event, name="Dominique Petit", status="confirmed", **fields):
    """A registration as the form stores it, without going through the form."""
    from events.models import Registration

    fields.setdefault("email", f"{slugify(name)}@mairie-exemple.fr")
    fields.setdefault("organisation", "Mairie d’Exemple-sur-Somme")
    return Registration.objects.create(event=event, name=name, status=status, **fields)

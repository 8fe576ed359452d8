from datetime import timedelta

from django.utils import timezone

from aict_site.publicforms import timestamp
from alerts.models import Subscriber


def subscription_data(email="maire@commune-exemple.fr", **fields):
    """What a person sends from /alertes/ (the form shown half a minute ago)."""
    data = {
        "email": email,
        "frequency": "quotidien",
        "consent": "on",
        "shown_at": timestamp("alerts", 30),
        "website": "",
    }
    data.update(fields)
    return data


def make_subscriber(email="abonne@exemple.fr", criteria=None, **fields):
    """A confirmed subscriber, as the form and the confirmation leave one."""
    fields.setdefault("confirmed_at", timezone.now() - timedelta(days=1))
    fields.setdefault("frequency", Subscriber.Frequency.DAILY)
    return Subscriber.objects.create(
        email=email, criteria=criteria if criteria is not None else {"calls": {}}, **fields
    )

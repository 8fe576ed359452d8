"""The signed links of alerts' emails: to confirm (7 days), to change one's criteria and to
unsubscribe (as long as the subscription lasts). Each carries the subscriber's key: a
tampered link fails its signature, and a deleted subscription takes its links with it."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Subscriber

CONFIRMATION_DAYS = 7
PURPOSES = {
    "confirm": "alerts:confirm",
    "manage": "alerts:manage",
    "unsubscribe": "alerts:unsubscribe",
}


class BadLink(Exception):
    """A link that was tampered with, has expired, or no longer leads to a subscription."""


def token(subscriber, purpose):
    signer = signing.TimestampSigner(salt=f"alerts.{purpose}")
    return signer.sign_object([subscriber.pk, subscriber.key.hex])


def path(subscriber, purpose):
    return reverse(PURPOSES[purpose], kwargs={"token": token(subscriber, purpose)})


def url(subscriber, purpose):
    """For an email: the whole address."""
    return settings.SITE_URL + path(subscriber, purpose)


def subscriber_for(value, purpose):
    """The subscriber a link leads to; BadLink otherwise (Subscriber.DoesNotExist when it
    was genuine but the subscription is gone)."""
    max_age = CONFIRMATION_DAYS * 86400 if purpose == "confirm" else None
    try:
        pk, key = signing.TimestampSigner(salt=f"alerts.{purpose}").unsign_object(
            value, max_age=max_age
        )
    except (signing.BadSignature, ValueError, TypeError):
        raise BadLink from None
    return Subscriber.objects.get(pk=pk, key=key)

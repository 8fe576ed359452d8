"""Subscribing with double opt-in: the address gets one confirmation email and nothing else
until it confirms. The site's answer is the same whether the address subscribes already or
not: an address already confirmed is sent the link to its criteria instead. A typed address
gets at most one email an hour from this form, so it cannot be used to mail third parties.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site import notifying
from aict_site.ratelimit import hit, mailbox
from aict_site.typography import french_text

from . import links
from .models import Subscriber, Unsubscription

MAIL = notifying.Channel(
    sent="mailed_at",
    attempts="mail_attempts",
    error="mail_error",
    claimed="mail_claimed_at",
    due="mail_due",
)
MAILS_PER_HOUR = 1
# The text a subscriber agrees to, and its version: kept with each consent.
CONSENT_VERSION = "2026-11-29"


def consent_text():
    return _(
        "I agree that Lianes coopération keeps my email address and my criteria to send me "
        "the alerts I chose, until I unsubscribe (a link in every email does it in one click)."
    )


def subscribe(email, frequency, criteria):
    """Record the wish and owe the address one email (if none went out this hour)."""
    try:
        return _subscribe(email, frequency, criteria)
    except IntegrityError:
        # The same new address sent twice in the same instant: the other request created
        # it, so it is known now.
        return _subscribe(email, frequency, criteria)


def _subscribe(email, frequency, criteria):
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is None:
            subscriber = Subscriber(email=email)
        if subscriber.confirmed_at is None:
            # Unconfirmed, nothing is sent on it yet: the latest wish replaces the earlier.
            subscriber.frequency, subscriber.criteria = frequency, criteria
            subscriber.consented_at, subscriber.consent_text = now, consent_text()
            subscriber.consent_version = CONSENT_VERSION
        subscriber.mail_due = subscriber.mail_due or hit(
            "alert-mail", mailbox(email), MAILS_PER_HOUR
        )
        subscriber.save()
        if subscriber.mail_due:
            notifying.notify_after_commit(Subscriber, subscriber.pk, MAIL)
    return subscriber


def build_mail(subscriber):
    confirmed = subscriber.confirmed_at is not None
    context = {
        "confirm_url": None if confirmed else links.url(subscriber, "confirm"),
        "manage_url": links.url(subscriber, "manage"),
        "days": links.CONFIRMATION_DAYS,
    }
    subject = (
        _("Your alerts: the link to your criteria")
        if confirmed
        else _("Confirm your subscription to the alerts")
    )
    return EmailMessage(
        subject=f"Lianes coopération — {subject}",
        body=french_text(render_to_string("alerts/subscription_email.txt", context)),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
    )


def confirm(subscriber):
    if subscriber.confirmed_at is None:
        Subscriber.objects.filter(pk=subscriber.pk, confirmed_at=None).update(
            confirmed_at=timezone.now()
        )
        return True
    return False


def unsubscribe(subscriber):
    """Delete the address and what was sent to it; count the departure, nothing more."""
    with transaction.atomic():
        subscriber.delete()
        Unsubscription.objects.create()


def describe(subscriber):
    return {
        "email": subscriber.email,
        "frequency": subscriber.get_frequency_display(),
        "criteria": subscriber.criteria,
        "subscribed_on": subscriber.created_at,
        "confirmed_on": subscriber.confirmed_at,
        "consent": {
            "given_on": subscriber.consented_at,
            "text": subscriber.consent_text,
            "version": subscriber.consent_version,
        },
        "last_digest": subscriber.last_digest_at,
    }


def purge_unconfirmed(now=None):
    """Subscriptions never confirmed, 7 days on: deleted."""
    limit = (now or timezone.now()) - timedelta(days=links.CONFIRMATION_DAYS)
    return Subscriber.objects.filter(confirmed_at=None, created_at__lt=limit).delete()[0]

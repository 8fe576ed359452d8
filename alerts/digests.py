"""The digests `send_alerts` sends: to each confirmed subscriber whose daily or weekly turn
has come, one email of the items published since they subscribed that match their criteria
and were not sent to them before.

Safe to run twice at once, and after a crash: subscribers are claimed by batch (one UPDATE,
as notifications are), what a digest holds is recorded before it is sent and marked sent
after, so an item is never sent twice to one address and an item not sent is sent by the
next run. Each batch's digests share one SMTP connection.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from aict_site import alerting
from aict_site.typography import french_text

from . import links
from .models import Delivery, Subscriber

logger = logging.getLogger(__name__)

BATCH = 100
# A claim left by a run that died is taken again after this long.
CLAIM_SECONDS = 1800
# A little less than a day or a week: a digest sent at 7:02 yesterday is due at 7:00 today.
INTERVAL = {
    Subscriber.Frequency.DAILY: timedelta(hours=20),
    Subscriber.Frequency.WEEKLY: timedelta(days=6, hours=20),
}
SOURCE_TITLES = {
    "calls": gettext_lazy("Calls for projects"),
    "events": gettext_lazy("Events"),
    "news": gettext_lazy("News"),
}


def due(now):
    turn = Q(last_digest_at=None)
    for frequency, interval in INTERVAL.items():
        turn |= Q(frequency=frequency, last_digest_at__lte=now - interval)
    unclaimed = Q(digest_claim=None) | Q(
        digest_claimed_at__lt=now - timedelta(seconds=CLAIM_SECONDS)
    )
    return Subscriber.objects.filter(turn, unclaimed, confirmed_at__isnull=False, is_active=True)


def collect(since):
    """The items of every source published or changed since `since`."""
    return [item for source in alerting.sources().values() for item in source.new_items(since)]


def digest_items(subscriber, items, sent):
    """What one subscriber's digest holds: items they follow, newer than their subscription,
    matching their criteria, not sent to them yet."""
    return [
        item
        for item in items
        if item.source in subscriber.criteria
        and item.changed_at >= subscriber.confirmed_at
        and (item.source, item.pk) not in sent
        and alerting.matches(item, subscriber.criteria[item.source])
    ]


def build_digest(subscriber, items):
    sections = []
    for source in ("calls", "events", "news"):
        chosen = [item for item in items if item.source == source]
        if chosen:
            sections.append((SOURCE_TITLES[source], chosen))
    unsubscribe = links.url(subscriber, "unsubscribe")
    context = {
        "sections": sections,
        "site_url": settings.SITE_URL,
        "manage_url": links.url(subscriber, "manage"),
        "unsubscribe_url": unsubscribe,
        "frequency": subscriber.get_frequency_display(),
    }
    count = len(items)
    subject = ngettext(
        "Lianes coopération — %(count)s new item for you",
        "Lianes coopération — %(count)s new items for you",
        count,
    ) % {"count": count}
    message = EmailMultiAlternatives(
        subject=subject,
        body=french_text(render_to_string("alerts/digest_email.txt", context)),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers={
            # RFC 8058: one POST to this address unsubscribes, without logging in.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("alerts/digest_email.html", context), "text/html")
    return message


def send_digests(now=None):
    """Send every digest due; (digests sent, subscribers whose digest failed)."""
    now = now or timezone.now()
    first = due(now).order_by("confirmed_at").values_list("confirmed_at", flat=True).first()
    if first is None:
        return 0, 0
    items = collect(first)
    sent_count = failed = 0
    candidates = list(due(now).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(candidates), BATCH):
        sent, refused = _send_batch(candidates[start : start + BATCH], items, now)
        sent_count += sent
        failed += refused
    return sent_count, failed


def _send_batch(pks, items, now):
    claim = uuid.uuid4()
    due(now).filter(pk__in=pks).update(digest_claim=claim, digest_claimed_at=timezone.now())
    subscribers = list(Subscriber.objects.filter(digest_claim=claim))
    if not subscribers:
        return 0, 0
    ids = [s.pk for s in subscribers]
    done = {
        (row[0], row[1], row[2])
        for row in Delivery.objects.filter(subscriber__in=ids, sent_at__isnull=False).values_list(
            "subscriber_id", "source", "item_id"
        )
    }
    digests = []
    for subscriber in subscribers:
        sent = {(source, pk) for owner, source, pk in done if owner == subscriber.pk}
        chosen = digest_items(subscriber, items, sent)
        if chosen:
            digests.append((subscriber, chosen))
    # What each digest holds, recorded before it is sent.
    Delivery.objects.bulk_create(
        [
            Delivery(subscriber=subscriber, source=item.source, item_id=item.pk)
            for subscriber, chosen in digests
            for item in chosen
        ],
        ignore_conflicts=True,
    )
    delivered, refused = [], []
    if digests:
        connection = get_connection()
        try:
            connection.open()
            for subscriber, chosen in digests:
                try:
                    connection.send_messages([build_digest(subscriber, chosen)])
                    delivered.append(subscriber.pk)
                except Exception as error:
                    logger.warning(
                        "alerts: digest to %s failed (%s)", subscriber.pk, type(error).__name__
                    )
                    refused.append(subscriber.pk)
        except Exception as error:
            logger.warning("alerts: mail server unreachable (%s)", type(error).__name__)
            refused = [s.pk for s, _chosen in digests if s.pk not in delivered]
        finally:
            connection.close()
    sent_at = timezone.now()
    Delivery.objects.filter(subscriber__in=delivered, sent_at=None).update(sent_at=sent_at)
    Subscriber.objects.filter(pk__in=delivered).update(last_digest_at=sent_at)
    Subscriber.objects.filter(digest_claim=claim).update(digest_claim=None, digest_claimed_at=None)
    return len(delivered), len(refused)

"""Telling staff by email about something a visitor sent, once, after it is safely stored.

Records that staff must hear about inherit `Notified`. Each app registers how to build the
message for its model. Sending never holds a transaction or a lock while the mail server is
talked to, so a slow or hung server cannot block the database for other visitors or staff:
a record is claimed by one conditional UPDATE (committed at once), the message is sent, and
the outcome is written by another UPDATE. Two senders never both claim one record; a claim
left by a worker that died mid-send is taken again once it is older than CLAIM_SECONDS.

After a visitor's post, the send runs in a thread of its own (SEND_MAIL_IN_BACKGROUND), so the
visitor's answer never waits for the mail server. A failure leaves the record pending for
`send_pending_notifications`. Logs carry ids only, never what a visitor wrote.
"""

import logging
import threading
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Far longer than one send may take (EMAIL_TIMEOUT bounds each SMTP step).
CLAIM_SECONDS = 600

_builders = {}


class Notified(models.Model):
    notified_at = models.DateTimeField(_("team notified on"), null=True, blank=True)
    notification_attempts = models.PositiveIntegerField(_("sending attempts"), default=0)
    notification_error = models.CharField(_("last sending error"), max_length=200, blank=True)
    notification_claimed_at = models.DateTimeField(
        _("being sent since"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True


def register(model, build_message):
    """`build_message(record)` returns an EmailMessage for staff."""
    _builders[model] = build_message


def claim(model, pk):
    """Take the record for sending, if nobody has sent it or is sending it now."""
    now = timezone.now()
    unclaimed = Q(notification_claimed_at__isnull=True) | Q(
        notification_claimed_at__lt=now - timedelta(seconds=CLAIM_SECONDS)
    )
    return (
        model.objects.filter(unclaimed, pk=pk, notified_at__isnull=True).update(
            notification_claimed_at=now, notification_attempts=F("notification_attempts") + 1
        )
        == 1
    )


def notify(model, pk):
    """Send the staff notification for one record, once. True when it was sent now."""
    label = model._meta.label
    if not claim(model, pk):
        return False
    pending = model.objects.filter(pk=pk)
    message = _builders[model](pending.get())
    if not message.to:
        logger.error("%s %s: no recipient (NOTIFY_EMAILS)", label, pk)
        pending.update(notification_claimed_at=None, notification_error="no recipient configured")
        return False
    try:
        message.send()
    except Exception as error:
        logger.warning("%s %s: notification failed (%s)", label, pk, type(error).__name__)
        pending.update(notification_claimed_at=None, notification_error=type(error).__name__[:200])
        return False
    pending.update(notified_at=timezone.now(), notification_claimed_at=None, notification_error="")
    return True


def notify_after_commit(model, pk):
    """Once the record is committed, send its notification without making the visitor wait."""
    transaction.on_commit(partial(_dispatch, model, pk), robust=True)


def _dispatch(model, pk):
    if not settings.SEND_MAIL_IN_BACKGROUND:
        notify(model, pk)
        return
    threading.Thread(target=_notify_in_thread, args=(model, pk), daemon=True).start()


def _notify_in_thread(model, pk):
    try:
        notify(model, pk)
    except Exception:
        # Left claimed or pending: send_pending_notifications takes it again later.
        logger.exception("%s %s: notification thread failed", model._meta.label, pk)
    finally:
        connections.close_all()


def send_pending():
    """Retry every record whose notification has not gone out; (sent, still pending)."""
    sent = pending = 0
    for model in _builders:
        ids = (
            model.objects.filter(notified_at__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for pk in list(ids):
            sent += notify(model, pk)
        pending += model.objects.filter(notified_at__isnull=True).count()
    return sent, pending

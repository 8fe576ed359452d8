"""Sending the email a stored record calls for, once, after the record is safely stored.

Records that staff must hear about inherit `Notified` (the STAFF channel). A model may keep
the state of another message in fields of its own (a `Channel`: the registrant's confirmation
of an event, say). Each app registers how to build each channel's message for its model.
Sending never holds a transaction or a lock while the mail server is talked to, so a slow or
hung server cannot block the database for other visitors or staff: a record is claimed by
one conditional UPDATE (committed at once), the message is sent, and the outcome is written
by another UPDATE. Two senders never both claim one record; a claim
left by a worker that died mid-send is taken again once it is older than CLAIM_SECONDS.

After a visitor's post, the send runs in a thread of its own (SEND_MAIL_IN_BACKGROUND), so the
visitor's answer never waits for the mail server. A failure leaves the record pending for
`send_pending_notifications`. Logs carry ids only, never what a visitor wrote.
"""

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Far longer than one send may take (EMAIL_TIMEOUT bounds each SMTP step).
CLAIM_SECONDS = 600

_builders = {}


@dataclass(frozen=True)
class Channel:
    """The fields where a model keeps the sending state of one kind of message. With `due`
    (a boolean field), the message is owed while it is true, and may be owed again later;
    without, it is owed once, until `sent` is set."""

    sent: str = "notified_at"
    attempts: str = "notification_attempts"
    error: str = "notification_error"
    claimed: str = "notification_claimed_at"
    due: str = ""

    def owed(self):
        return Q(**{self.due: True}) if self.due else Q(**{f"{self.sent}__isnull": True})

    def done(self):
        fields = {self.sent: timezone.now(), self.claimed: None, self.error: ""}
        if self.due:
            fields[self.due] = False
        return fields


STAFF = Channel()


class Notified(models.Model):
    notified_at = models.DateTimeField(_("team notified on"), null=True, blank=True)
    notification_attempts = models.PositiveIntegerField(_("sending attempts"), default=0)
    notification_error = models.CharField(_("last sending error"), max_length=200, blank=True)
    notification_claimed_at = models.DateTimeField(
        _("being sent since"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True


def register(model, build_message, channel=STAFF):
    """`build_message(record)` returns the EmailMessage that `channel` of the record calls for."""
    _builders[model, channel] = build_message


def claim(model, pk, channel=STAFF):
    """Take the record for sending, if its message is owed and nobody is sending it now."""
    now = timezone.now()
    unclaimed = Q(**{f"{channel.claimed}__isnull": True}) | Q(
        **{f"{channel.claimed}__lt": now - timedelta(seconds=CLAIM_SECONDS)}
    )
    claimed = {channel.claimed: now, channel.attempts: F(channel.attempts) + 1}
    return model.objects.filter(unclaimed, channel.owed(), pk=pk).update(**claimed) == 1


def notify(model, pk, channel=STAFF):
    """Send the message owed for one record, once. True when it was sent now."""
    label = model._meta.label
    if not claim(model, pk, channel):
        return False
    pending = model.objects.filter(pk=pk)
    message = _builders[model, channel](pending.get())
    if not message.to:
        logger.error("%s %s: no recipient (NOTIFY_EMAILS)", label, pk)
        # Stored as staff read it in the admin (this may run outside any request).
        with translation.override(settings.LANGUAGE_CODE):
            error = gettext("no recipient: neither an office's address nor NOTIFY_EMAILS")
        pending.update(**{channel.claimed: None, channel.error: error})
        return False
    try:
        message.send()
    except Exception as error:
        logger.warning("%s %s: sending failed (%s)", label, pk, type(error).__name__)
        pending.update(**{channel.claimed: None, channel.error: type(error).__name__[:200]})
        return False
    pending.update(**channel.done())
    return True


def notify_after_commit(model, pk, channel=STAFF):
    """Once the record is committed, send its message without making the visitor wait."""
    transaction.on_commit(partial(_dispatch, model, pk, channel), robust=True)


def _dispatch(model, pk, channel):
    if not settings.SEND_MAIL_IN_BACKGROUND:
        notify(model, pk, channel)
        return
    threading.Thread(target=_notify_in_thread, args=(model, pk, channel), daemon=True).start()


def _notify_in_thread(model, pk, channel):
    try:
        notify(model, pk, channel)
    except Exception:
        # Left claimed or pending: send_pending_notifications takes it again later.
        logger.exception("%s %s: sending thread failed", model._meta.label, pk)
    finally:
        connections.close_all()


def send_pending():
    """Retry every message owed that has not gone out; (sent, still pending)."""
    sent = pending = 0
    for model, channel in _builders:
        owed = model.objects.filter(channel.owed())
        for pk in list(owed.order_by("pk").values_list("pk", flat=True)):
            sent += notify(model, pk, channel)
        pending += owed.count()
    return sent, pending

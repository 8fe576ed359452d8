"""Telling staff by email about something a visitor sent, once, after it is safely stored.

Records that staff must hear about inherit `Notified`. Each app registers how to build the
message for its model; `notify` sends it under a row lock (skipped when another worker holds
it), so two senders at once never send one record twice. A failure leaves the record pending
for `send_pending_notifications`. Logs carry ids only, never what a visitor wrote.
"""

import logging

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

_builders = {}


class Notified(models.Model):
    notified_at = models.DateTimeField(_("équipe prévenue le"), null=True, blank=True)
    notification_attempts = models.PositiveIntegerField(_("tentatives d’envoi"), default=0)
    notification_error = models.CharField(_("dernière erreur d’envoi"), max_length=200, blank=True)

    class Meta:
        abstract = True


def register(model, build_message):
    """`build_message(record)` returns an EmailMessage for staff."""
    _builders[model] = build_message


def notify(model, pk):
    """Send the staff notification for one record, once. True when it was sent now."""
    label = model._meta.label
    with transaction.atomic():
        record = (
            model.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=pk, notified_at__isnull=True)
            .first()
        )
        if record is None:
            return False
        message = _builders[model](record)
        record.notification_attempts += 1
        fields = ["notification_attempts", "notification_error"]
        if not message.to:
            record.notification_error = "no recipient configured"
            logger.error("%s %s: no recipient (CONTACT_NOTIFY_EMAILS)", label, pk)
            record.save(update_fields=fields)
            return False
        try:
            message.send()
        except Exception as error:
            record.notification_error = type(error).__name__[:200]
            logger.warning("%s %s: notification failed (%s)", label, pk, type(error).__name__)
            record.save(update_fields=fields)
            return False
        record.notified_at = timezone.now()
        record.notification_error = ""
        record.save(update_fields=[*fields, "notified_at"])
        return True


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

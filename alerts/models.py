"""Subscribers to alerts, and what each was sent: personal data, never public content."""

import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    # A visitor's record (aict_site.project_apps): saving one changes no page.
    is_visitor_record = True

    class Frequency(models.TextChoices):
        DAILY = "quotidien", _("daily")
        WEEKLY = "hebdomadaire", _("weekly")

    email = models.EmailField(_("email address"))
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency, default=Frequency.WEEKLY
    )
    # {source: {facet: [values]}} for each followed source (aict_site.alerting): « calls »,
    # « events », « news ». An empty facet list follows every value.
    criteria = models.JSONField(_("criteria"), default=dict)
    # In every link sent: a new key makes the old links useless.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("subscribed on"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    consented_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    consent_text = models.TextField(_("text agreed to"), blank=True)
    consent_version = models.CharField(_("version of the text"), max_length=20, blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to stop sending to this address.")
    )
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    digest_claim = models.UUIDField(null=True, blank=True, editable=False)
    digest_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The one email a subscription calls for (confirmation, or the link to one's criteria),
    # sent like every visitor's email (aict_site.notifying, alerts.subscriptions.MAIL).
    mail_due = models.BooleanField(default=False, editable=False)
    mailed_at = models.DateTimeField(_("last email"), null=True, blank=True, editable=False)
    mail_attempts = models.PositiveIntegerField(default=0, editable=False)
    mail_error = models.CharField(max_length=200, blank=True, editable=False)
    mail_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("alert subscriber")
        verbose_name_plural = _("alert subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscriber_one_per_address")
        ]

    def __str__(self):
        return self.email


class Delivery(models.Model):
    """One item owed or sent to one subscriber: recorded before the digest goes out, marked
    sent once it has, so no item is sent twice and none is lost when sending fails."""

    is_visitor_record = True

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=20)
    item_id = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "source", "item_id"], name="alerts_delivery_once"
            )
        ]

    def __str__(self):
        return f"{self.source} {self.item_id}"


class Unsubscription(models.Model):
    """An unsubscribing, counted and nothing else: the address is deleted."""

    is_visitor_record = True

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscription")
        verbose_name_plural = _("unsubscriptions")
        ordering = ["pk"]

    def __str__(self):
        return str(self.created_at)

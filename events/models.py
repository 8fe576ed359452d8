import uuid

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aict_site.notifying import Notified
from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.richtext import RichTextField, plain_text
from aict_site.search import normalize
from reference.models import AuthorityType


class EventKind(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("event type")
        verbose_name_plural = _("event types")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:upcoming")


class EventQuerySet(PublishedQuerySet):
    def upcoming(self, now=None):
        """Events not over yet: an event stays listed until its last minute has passed."""
        return self.published().filter(ends_at__gt=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.published().filter(ends_at__lte=now or timezone.now()).order_by("-starts_at")


class Event(Publishable):
    class Place(models.TextChoices):
        OFFICE = "office", _("an office of the network")
        ADDRESS = "address", _("another address")
        ONLINE = "online", _("online")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address (slug)"), max_length=200, unique=True)
    kind = models.ForeignKey(EventKind, verbose_name=_("type"), on_delete=models.PROTECT)
    starts_at = models.DateTimeField(_("start"), help_text=_("Paris time."))
    ends_at = models.DateTimeField(_("end"), help_text=_("Paris time."))
    place = models.CharField(_("place"), max_length=10, choices=Place, default=Place.OFFICE)
    office = models.ForeignKey(
        "contacts.Office",
        verbose_name=_("office"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    also_online = models.BooleanField(
        _("also online (hybrid)"),
        default=False,
        help_text=_("People may come in person or join online: give the connection link."),
    )
    online_url = models.URLField(
        _("connection link"),
        blank=True,
        help_text=_("Shown only to registered people, on their confirmation page."),
    )
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    summary = models.TextField(_("summary"))
    description = RichTextField(_("description"), blank=True)
    schemes = models.ManyToManyField(
        "funding.Scheme", verbose_name=_("related funding"), blank=True, related_name="+"
    )
    is_registration_open = models.BooleanField(_("registrations open"), default=True)
    capacity = models.PositiveIntegerField(
        _("number of places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_message=_("The end must come after the start."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.summary} {plain_text(self.description)}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})
        if self.place == self.Place.OFFICE and not self.office_id:
            raise ValidationError({"office": _("Choose the office.")})
        if self.place == self.Place.ADDRESS and not self.address:
            raise ValidationError({"address": _("Give the address.")})
        if (self.place == self.Place.ONLINE or self.also_online) and not self.online_url:
            raise ValidationError({"online_url": _("Give the connection link.")})

    @property
    def joins_online(self):
        """Whether registrants get a connection link: online events and hybrid ones."""
        return self.place == self.Place.ONLINE or self.also_online

    def is_over(self, now=None):
        return self.ends_at <= (now or timezone.now())

    def accepts_registrations(self):
        return self.is_published and self.is_registration_open and not self.is_over()


class Registration(Notified):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"))
    organisation = models.CharField(_("organisation"), max_length=200)
    authority_type = models.ForeignKey(
        AuthorityType,
        verbose_name=_("authority type"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, db_index=True)
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True, db_index=True)
    promoted_at = models.DateTimeField(
        _("taken off the waiting list on"), null=True, blank=True, editable=False
    )
    # The registrant's own email (confirmation, waiting list, a seat freed), sent as staff
    # notifications are: events.registrations.REGISTRANT.
    registrant_mail_due = models.BooleanField(
        _("email owed to the registrant"), default=False, editable=False
    )
    registrant_mailed_at = models.DateTimeField(
        _("registrant emailed on"), null=True, blank=True, editable=False
    )
    registrant_mail_attempts = models.PositiveIntegerField(
        _("registrant email attempts"), default=0, editable=False
    )
    registrant_mail_error = models.CharField(
        _("last registrant email error"), max_length=200, blank=True, editable=False
    )
    registrant_mail_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            # One person, one seat: an address registers once per event, whatever its case.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                name="events_registration_one_per_address",
                violation_error_message=_("This address is already registered for this event."),
            )
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"

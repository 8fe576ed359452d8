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
    name = models.CharField(_("nom"), max_length=80, unique=True)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("type d’événement")
        verbose_name_plural = _("types d’événement")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class EventQuerySet(PublishedQuerySet):
    def upcoming(self, now=None):
        """Events not over yet: an event stays listed until its last minute has passed."""
        return self.published().filter(ends_at__gt=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.published().filter(ends_at__lte=now or timezone.now()).order_by("-starts_at")


class Event(Publishable):
    class Place(models.TextChoices):
        OFFICE = "office", _("un bureau du réseau")
        ADDRESS = "address", _("une autre adresse")
        ONLINE = "online", _("en ligne")

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("adresse (slug)"), max_length=200, unique=True)
    kind = models.ForeignKey(EventKind, verbose_name=_("type"), on_delete=models.PROTECT)
    starts_at = models.DateTimeField(_("début"), help_text=_("Heure de Paris."))
    ends_at = models.DateTimeField(_("fin"), help_text=_("Heure de Paris."))
    place = models.CharField(_("lieu"), max_length=10, choices=Place, default=Place.OFFICE)
    office = models.ForeignKey(
        "contacts.Office",
        verbose_name=_("bureau"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    online_url = models.URLField(
        _("lien de connexion"),
        blank=True,
        help_text=_("Montré seulement aux personnes inscrites, sur leur page de confirmation."),
    )
    audience = models.CharField(_("public"), max_length=200, blank=True)
    summary = models.TextField(_("résumé"))
    description = RichTextField(_("description"), blank=True)
    schemes = models.ManyToManyField(
        "funding.Scheme", verbose_name=_("financements liés"), blank=True, related_name="+"
    )
    is_registration_open = models.BooleanField(_("inscriptions ouvertes"), default=True)
    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : sans limite.")
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_message=_("La fin doit être postérieure au début."),
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
            raise ValidationError({"ends_at": _("La fin doit être postérieure au début.")})
        if self.place == self.Place.OFFICE and not self.office_id:
            raise ValidationError({"office": _("Choisissez le bureau.")})
        if self.place == self.Place.ADDRESS and not self.address:
            raise ValidationError({"address": _("Indiquez l’adresse.")})
        if self.place == self.Place.ONLINE and not self.online_url:
            raise ValidationError({"online_url": _("Indiquez le lien de connexion.")})

    def is_over(self, now=None):
        return self.ends_at <= (now or timezone.now())

    def accepts_registrations(self):
        return self.is_published and self.is_registration_open and not self.is_over()


class Registration(Notified):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmée")
        WAITING = "waiting", _("liste d’attente")

    event = models.ForeignKey(
        Event, verbose_name=_("événement"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("adresse électronique"))
    organisation = models.CharField(_("organisation"), max_length=200)
    authority_type = models.ForeignKey(
        AuthorityType,
        verbose_name=_("type de collectivité"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(_("statut"), max_length=10, choices=Status, db_index=True)
    created_at = models.DateTimeField(_("inscrite le"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at"]
        constraints = [
            # One person, one seat: an address registers once per event, whatever its case.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                name="events_registration_one_per_address",
                violation_error_message=_("Cette adresse est déjà inscrite à cet événement."),
            )
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"

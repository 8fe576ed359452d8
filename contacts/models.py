from urllib.parse import quote_plus

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from aict_site.images import readable_url, scaled_height, validate_image
from aict_site.notifying import Notified
from aict_site.publishing import Publishable, PublishedQuerySet
from reference.models import AuthorityType, Departement

LOGO_WIDTH = 240
LOGO_HEIGHT = 120


class ContactSubject(models.Model):
    """A subject visitors pick in the contact form."""

    name = models.CharField(_("intitulé"), max_length=120, unique=True)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    is_published = models.BooleanField(_("proposé dans le formulaire"), default=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("objet de demande")
        verbose_name_plural = _("objets de demande")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Office(Publishable):
    name = models.CharField(_("nom"), max_length=120)
    address_lines = models.TextField(
        _("adresse"), help_text=_("Une ligne par ligne d’adresse, sans le code postal ni la ville.")
    )
    postal_code = models.CharField(_("code postal"), max_length=10)
    city = models.CharField(_("ville"), max_length=80)
    opening_hours = models.CharField(_("horaires d’ouverture"), max_length=200, blank=True)
    notify_email = models.EmailField(
        _("adresse qui reçoit les demandes"),
        blank=True,
        help_text=_("Les demandes des départements servis par ce bureau y sont envoyées."),
    )
    departements = models.ManyToManyField(
        Departement, verbose_name=_("départements servis"), blank=True, related_name="offices"
    )
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("bureau")
        verbose_name_plural = _("bureaux")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    @property
    def lines(self):
        return [line.strip() for line in self.address_lines.splitlines() if line.strip()]

    @property
    def map_url(self):
        query = ", ".join([*self.lines, f"{self.postal_code} {self.city}"])
        return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"


class Person(Publishable):
    name = models.CharField(_("nom"), max_length=120)
    role = models.CharField(_("fonction"), max_length=200)
    email = models.EmailField(_("adresse électronique"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    is_main_contact = models.BooleanField(
        _("contact principal"),
        default=False,
        help_text=_("Affiché dans l’encadré « Votre contact » des pages."),
    )
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["position", "name"]

    def __str__(self):
        return f"{self.name} ({self.role})"

    @property
    def phone_uri(self):
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        if digits.startswith("0") and len(digits) == 10:
            digits = "+33" + digits[1:]
        return f"tel:{digits}"


class Partner(Publishable):
    name = models.CharField(_("nom"), max_length=200)
    url = models.URLField(_("site web"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="partners/",
        blank=True,
        validators=[validate_image],
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("JPEG, PNG ou WebP. Tant qu’il manque, le nom du partenaire est affiché."),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    logo_display = ImageSpecField(
        source="logo",
        processors=[ResizeToFit(LOGO_WIDTH, LOGO_HEIGHT, upscale=False)],
        format="PNG",
    )

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def logo_image(self):
        """The displayed logo's URL and size, or None when there is none or it cannot be
        read (the name is shown instead)."""
        size = self.logo_size()
        if not self.logo or size is None:
            return None
        url = readable_url(self.logo_display, f"partner {self.pk}")
        return {"url": url, "width": size[0], "height": size[1]} if url else None

    def logo_size(self):
        """The displayed logo's width and height, computed without opening the file."""
        if not self.logo_width or not self.logo_height:
            return None
        scale = min(1, LOGO_WIDTH / self.logo_width, LOGO_HEIGHT / self.logo_height)
        width = round(self.logo_width * scale)
        return width, scaled_height(self.logo_width, self.logo_height, width)


class ContactRequest(Notified):
    """What a visitor wrote through the contact form. Never edited, only handled."""

    class Status(models.TextChoices):
        NEW = "new", _("nouvelle")
        IN_PROGRESS = "in_progress", _("en cours")
        HANDLED = "handled", _("traitée")

    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("adresse électronique"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    authority_type = models.ForeignKey(
        AuthorityType,
        verbose_name=_("type de collectivité"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    departement = models.ForeignKey(
        Departement, verbose_name=_("département"), on_delete=models.SET_NULL, null=True, blank=True
    )
    subject = models.ForeignKey(
        ContactSubject, verbose_name=_("objet"), on_delete=models.SET_NULL, null=True
    )
    message = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True, db_index=True)
    office = models.ForeignKey(
        Office,
        verbose_name=_("bureau destinataire"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=Status, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suivie par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    internal_notes = models.TextField(_("notes internes"), blank=True)

    class Meta:
        verbose_name = _("demande de contact")
        verbose_name_plural = _("demandes de contact")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["notified_at"], name="contacts_request_pending")]

    def __str__(self):
        return f"{self.name} — {self.created_at:%d/%m/%Y}" if self.created_at else self.name

    @classmethod
    def count_new(cls):
        """New requests, for the admin index (aict_site.admin_site)."""
        return cls.objects.filter(status=cls.Status.NEW).count()

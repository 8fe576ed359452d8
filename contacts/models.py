from urllib.parse import quote_plus

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from aict_site.images import readable_url, scaled_height, validate_image
from aict_site.notifying import Notified
from aict_site.publishing import Publishable, PublishedQuerySet
from reference.models import AuthorityType, Country, Departement, Theme

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


class AuthorityQuerySet(PublishedQuerySet):
    def for_directory(self):
        """Authorities with their cooperations, countries and themes: pages and exports."""
        cooperations = Cooperation.objects.select_related("country").prefetch_related("themes")
        return self.for_directory_list().prefetch_related(
            models.Prefetch("cooperations", queryset=cooperations)
        )

    def for_directory_list(self):
        """What a line of the list shows, but its partners (see directory.attach_partners)."""
        return self.published().select_related("kind", "departement")


class Authority(Publishable):
    """A local authority of the region engaged in international action."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("adresse (slug)"), max_length=200, unique=True)
    kind = models.ForeignKey(
        AuthorityType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="authorities"
    )
    departement = models.ForeignKey(
        Departement,
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="authorities",
        null=True,
        blank=True,
        help_text=_("Laissez vide pour la Région."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    code = models.CharField(
        _("code INSEE ou SIREN"),
        max_length=9,
        blank=True,
        validators=[
            RegexValidator(
                r"^(\d[\dAB]\d{3}|\d{9})$", _("5 caractères (code INSEE) ou 9 chiffres (SIREN).")
            )
        ],
    )
    website = models.URLField(_("site web"), blank=True)
    description = models.TextField(_("présentation courte"), blank=True, max_length=1000)
    logo = models.ImageField(
        _("logo"), upload_to="authorities/", blank=True, validators=[validate_image]
    )
    is_partner = models.BooleanField(_("partenaire du réseau"), default=False)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = AuthorityQuerySet.as_manager()

    class Meta:
        verbose_name = _("collectivité engagée")
        verbose_name_plural = _("collectivités engagées")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from aict_site.search import normalize

        self.search_text = normalize(f"{self.name} {self.description}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contacts:authority-detail", kwargs={"slug": self.slug})


class Cooperation(models.Model):
    """A partnership between an authority of the region and an authority abroad."""

    authority = models.ForeignKey(
        Authority,
        verbose_name=_("collectivité"),
        on_delete=models.CASCADE,
        related_name="cooperations",
    )
    partner_name = models.CharField(_("collectivité partenaire"), max_length=200)
    country = models.ForeignKey(
        Country,
        verbose_name=_("pays"),
        on_delete=models.PROTECT,
        related_name="cooperations",
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("thèmes"), blank=True)
    since_year = models.PositiveSmallIntegerField(
        _("depuis"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    is_current = models.BooleanField(_("en cours"), default=True)
    link = models.URLField(_("lien (source publique)"), blank=True)
    scheme = models.ForeignKey(
        "funding.Scheme",
        verbose_name=_("financement obtenu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("coopération")
        verbose_name_plural = _("coopérations")
        ordering = ["country__name", "partner_name"]

    def __str__(self):
        return f"{self.authority} — {self.partner_name} ({self.country})"

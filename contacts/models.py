from urllib.parse import quote_plus

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from aict_site.images import readable_url, scaled_height, validate_image
from aict_site.notifying import Notified
from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.search import normalize
from reference.models import AuthorityType, Departement

LOGO_WIDTH = 240
LOGO_HEIGHT = 120


class ContactSubject(models.Model):
    """A subject visitors pick in the contact form."""

    name = models.CharField(_("label"), max_length=120, unique=True)
    slug = models.SlugField(
        _("code in links"),
        max_length=60,
        blank=True,
        help_text=_(
            "Optional. A link to /contact/?objet=<code> opens the form with this subject chosen."
        ),
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    # Like every new item, a new subject starts unpublished (see aict_site.publishing).
    is_published = models.BooleanField(_("offered in the form"), default=False)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("request subject")
        verbose_name_plural = _("request subjects")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        url = reverse("contacts:contact")
        return f"{url}?objet={self.slug}" if self.slug else url


class Office(Publishable):
    name = models.CharField(_("name"), max_length=120)
    address_lines = models.TextField(
        _("address"), help_text=_("One line per address line, without the postcode or the town.")
    )
    postal_code = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("town"), max_length=80)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    notify_email = models.EmailField(
        _("address that receives the requests"),
        blank=True,
        help_text=_("Requests from the départements this office serves are sent there."),
    )
    departements = models.ManyToManyField(
        Departement, verbose_name=_("départements served"), blank=True, related_name="offices"
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    # Read by aict_site.roles: only administrators delete an office (its requests' routing).
    editors_may_delete = False

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["position", "name"]
        permissions = [("change_office_routing", _("Can change where an office's requests go"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Found by the site search by its town, its name or its address (« Amiens »).
        self.search_text = normalize(
            f"{self.name} {self.city} {self.postal_code} {self.address_lines}"
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contacts:contact") + f"#bureau-{self.pk}"

    @property
    def lines(self):
        return [line.strip() for line in self.address_lines.splitlines() if line.strip()]

    @property
    def map_url(self):
        query = ", ".join([*self.lines, f"{self.postal_code} {self.city}"])
        return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"


class Person(Publishable):
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("job title"), max_length=200)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_main_contact = models.BooleanField(
        _("main contact"),
        default=False,
        help_text=_("Shown in the “Your contact” box of the pages."),
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["position", "name"]

    def __str__(self):
        return f"{self.name} ({self.role})"

    def save(self, *args, **kwargs):
        # Found by the site search by name or role (« Nizar »).
        self.search_text = normalize(f"{self.name} {self.role}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contacts:contact")

    @property
    def phone_uri(self):
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        if digits.startswith("0") and len(digits) == 10:
            digits = "+33" + digits[1:]
        return f"tel:{digits}"


class Partner(Publishable):
    class Kind(models.TextChoices):
        # In the order the partners page shows its groups.
        PUBLIC = "public", _("Public institutions")
        AUTHORITY = "authority", _("Local authorities")
        NETWORK = "network", _("Associations and networks")
        FUNDER = "funder", _("Funders")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind,
        blank=True,
        help_text=_("The group the partners page shows it in; unclassified partners come last."),
    )
    former_name = models.CharField(
        _("former name"),
        max_length=200,
        blank=True,
        help_text=_("Shown as « ex-… » after the name, so that visitors who know it find it."),
    )
    url = models.URLField(_("website"), blank=True)
    # Set when a fact about the partner may be stale: staff decide, the site never renames.
    needs_review = models.BooleanField(_("to check"), default=False)
    review_note = models.CharField(
        _("what to check"),
        max_length=300,
        blank=True,
        help_text=_("For staff: not shown on the site."),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="partners/",
        blank=True,
        validators=[validate_image],
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("JPEG, PNG or WebP. While it is missing, the partner's name is shown."),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    position = models.PositiveIntegerField(_("order"), default=0)

    logo_display = ImageSpecField(
        source="logo",
        processors=[ResizeToFit(LOGO_WIDTH, LOGO_HEIGHT, upscale=False)],
        format="PNG",
    )
    # The same logo in WebP, at its displayed size and twice it for dense screens.
    logo_webp = ImageSpecField(
        source="logo",
        processors=[ResizeToFit(LOGO_WIDTH, LOGO_HEIGHT, upscale=False)],
        format="WEBP",
        options={"quality": 85},
    )
    logo_webp_2x = ImageSpecField(
        source="logo",
        processors=[ResizeToFit(2 * LOGO_WIDTH, 2 * LOGO_HEIGHT, upscale=False)],
        format="WEBP",
        options={"quality": 85},
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:list")

    @property
    def label(self):
        """The name as shown, with the former one: « France Travail (ex-Pôle emploi) »."""
        return f"{self.name} (ex-{self.former_name})" if self.former_name else self.name

    def logo_image(self):
        """The displayed logo's URLs (PNG, and WebP at 1× and 2×) and size, or None when
        there is none or it cannot be read (the name is shown instead)."""
        size = self.logo_size()
        if not self.logo or size is None:
            return None
        label = f"partner {self.pk}"
        urls = [readable_url(copy, label) for copy in (self.logo_display, self.logo_webp)]
        if None in urls:
            return None
        webp = f"{urls[1]} 1x"
        if self.logo_width > size[0]:
            retina = readable_url(self.logo_webp_2x, label)
            webp += f", {retina} 2x" if retina else ""
        return {"url": urls[0], "webp": webp, "width": size[0], "height": size[1]}

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
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        HANDLED = "handled", _("handled")

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    authority_type = models.ForeignKey(
        AuthorityType,
        verbose_name=_("authority type"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    departement = models.ForeignKey(
        Departement, verbose_name=_("département"), on_delete=models.SET_NULL, null=True, blank=True
    )
    subject = models.ForeignKey(
        ContactSubject, verbose_name=_("subject"), on_delete=models.SET_NULL, null=True
    )
    message = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("received on"), auto_now_add=True, db_index=True)
    office = models.ForeignKey(
        Office,
        verbose_name=_("receiving office"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("followed up by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["notified_at"], name="contacts_request_pending")]

    def __str__(self):
        return f"{self.name} — {self.created_at:%d/%m/%Y}" if self.created_at else self.name

    @classmethod
    def count_new(cls):
        """New requests, for the admin index (aict_site.admin_site)."""
        return cls.objects.filter(status=cls.Status.NEW).count()

from urllib.parse import quote_plus

from django.db import models
from django.utils.translation import gettext_lazy as _

from aict_site.images import validate_image
from aict_site.publishing import Publishable


class Office(Publishable):
    name = models.CharField(_("nom"), max_length=120)
    address_lines = models.TextField(
        _("adresse"), help_text=_("Une ligne par ligne d’adresse, sans le code postal ni la ville.")
    )
    postal_code = models.CharField(_("code postal"), max_length=10)
    city = models.CharField(_("ville"), max_length=80)
    opening_hours = models.CharField(_("horaires d’ouverture"), max_length=200, blank=True)
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
        help_text=_("JPEG, PNG ou WebP. Tant qu’il manque, le nom du partenaire est affiché."),
    )
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

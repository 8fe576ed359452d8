"""Shared vocabularies: who an authority is and where, and what a cooperation is about."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Departement(models.Model):
    """A département of Hauts-de-France: reference data for routing and the directory."""

    code = models.CharField(_("code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class AuthorityType(models.Model):
    """A kind of local authority (commune, intercommunalité…), edited by staff."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("authority type")
        verbose_name_plural = _("authority types")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Theme(models.Model):
    """A field of action shared by funding schemes and cooperations (edited by staff)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("address (slug)"), max_length=80, unique=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Country(models.Model):
    code = models.CharField(
        _("ISO 3166-1 code"),
        max_length=2,
        unique=True,
        help_text=_("Two capital letters, for example SN for Senegal."),
    )
    name = models.CharField(_("name in French"), max_length=80)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("country")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        self.code = self.code.upper()
        if len(self.code) != 2 or not self.code.isalpha():
            raise ValidationError({"code": _("A country code has two letters (ISO 3166-1).")})

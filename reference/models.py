"""Shared vocabularies: who an authority is and where, and what a cooperation is about."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """The levels of local authority the official data set lists."""

    COMMUNE = "commune", _("commune")
    EPCI = "epci", _("intercommunalité")
    DEPARTEMENT = "departement", _("département")
    REGION = "region", _("région")


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
    # Which authorities of the official data are of this type: « Ma collectivité » shows a
    # commune the schemes open to the type whose level is « commune ».
    level = models.CharField(
        _("level in the official data"),
        max_length=12,
        choices=Level,
        blank=True,
        help_text=_("For the types that are a level of local authority; empty for the others."),
    )

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


class CountryGroup(models.Model):
    """Countries a scheme's source names as a whole — the EU and the countries associated to a
    programme, the countries eligible to official development aid —, with that source. Only
    the countries of the site's list are marked, each as the source says (edited by staff)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("address of the source"), max_length=500, blank=True)
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="groups"
    )

    class Meta:
        verbose_name = _("group of countries")
        verbose_name_plural = _("groups of countries")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Territory(models.Model):
    """A local authority of the region as the official data set knows it (a commune, an
    intercommunalité, a département, the Région): loaded and refreshed from
    reference/data by `manage.py load_territories`, never edited by hand."""

    Level = Level

    # The commune's INSEE code, the EPCI's SIREN, the département's or the Région's code.
    code = models.CharField(_("code"), max_length=9, unique=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, db_index=True)
    level = models.CharField(_("level"), max_length=12, choices=Level, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    # The name folded for search (reference.territories.fold): accents, case, hyphens and
    # « St » / « Ste » do not matter.
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    legal_form = models.CharField(_("legal form"), max_length=10, blank=True)
    departement = models.ForeignKey(
        Departement,
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="territories",
    )
    epci = models.ForeignKey(
        "self",
        verbose_name=_("intercommunalité"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    postcodes = models.CharField(_("postcodes"), max_length=200, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    members_elsewhere = models.PositiveSmallIntegerField(
        _("member communes in another region"), default=0
    )
    # False once a newer data file no longer lists it (a merger): kept for what links to it.
    is_current = models.BooleanField(_("current"), default=True, db_index=True)

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["name", "code"]

    def __str__(self):
        return self.name

    def get_legal_form_label(self):
        return LEGAL_FORMS.get(self.legal_form, self.legal_form)


# The legal forms of EPCI as the official data abbreviates them.
LEGAL_FORMS = {
    "CC": _("communauté de communes"),
    "CA": _("communauté d’agglomération"),
    "CU": _("communauté urbaine"),
    "METRO": _("métropole"),
}

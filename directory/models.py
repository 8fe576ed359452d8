"""The directory: the region's authorities engaged in international action, and their
cooperations abroad."""

from pathlib import Path

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aict_site.images import validate_image
from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.search import normalize
from reference.models import AuthorityType, Country, Departement, Territory, Theme

from .docx_files import as_docx

DELIBERATION_FILE = Path(__file__).resolve().parent / "fixtures" / "deliberation-model.txt"


def territory_for(code, kind=None, departement_id=None):
    """The official record an INSEE code (a commune) or a SIREN (a commune or an EPCI) names;
    without a code, a département's or the Région's own record, from its type."""
    if code:
        return Territory.objects.filter(models.Q(code=code) | models.Q(siren=code)).first()
    level = kind.level if kind else ""
    if level == Territory.Level.REGION:
        return Territory.objects.filter(level=level, is_current=True).first()
    if level == Territory.Level.DEPARTEMENT and departement_id:
        return Territory.objects.filter(level=level, departement_id=departement_id).first()
    return None


def link_territories(**kwargs):
    """After the official data is (re)loaded, each authority points at the record its code
    names (reference.territories.loaded)."""
    for authority in Authority.objects.select_related("kind"):
        territory = territory_for(authority.code, authority.kind, authority.departement_id)
        if authority.territory_id != (territory.pk if territory else None):
            Authority.objects.filter(pk=authority.pk).update(territory=territory)


class AuthorityQuerySet(PublishedQuerySet):
    def for_directory(self):
        """Authorities with their cooperations, countries and themes: pages and exports."""
        cooperations = Cooperation.objects.select_related("country", "scheme").prefetch_related(
            "themes"
        )
        return self.for_directory_list().prefetch_related(
            models.Prefetch("cooperations", queryset=cooperations)
        )

    def for_directory_list(self):
        """What a line of the list shows, but its partners (see directory.attach_partners)."""
        return self.published().select_related("kind", "departement")


class Authority(Publishable):
    """A local authority of the region engaged in international action."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address (slug)"), max_length=200, unique=True)
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
        help_text=_("Leave empty for the Région."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    code = models.CharField(
        _("INSEE or SIREN code"),
        max_length=9,
        blank=True,
        validators=[
            RegexValidator(
                r"^(\d[\dAB]\d{3}|\d{9})$", _("5 characters (INSEE code) or 9 digits (SIREN).")
            )
        ],
    )
    # Set from the code at each save: the official record « Ma collectivité » shows.
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("official record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="authorities",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("short presentation"), blank=True, max_length=1000)
    logo = models.ImageField(
        _("logo"), upload_to="authorities/", blank=True, validators=[validate_image]
    )
    is_partner = models.BooleanField(_("partner of the network"), default=False)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = AuthorityQuerySet.as_manager()

    class Meta:
        verbose_name = _("engaged authority")
        verbose_name_plural = _("engaged authorities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = self.searchable_text()
        self.territory = territory_for(self.code, self.kind, self.departement_id)
        super().save(*args, **kwargs)

    def clean(self):
        if self.code and territory_for(self.code) is None and Territory.objects.exists():
            raise ValidationError(
                {"code": _("No authority of the region has this INSEE code or SIREN.")}
            )

    def get_absolute_url(self):
        return reverse("directory:authority-detail", kwargs={"slug": self.slug})

    def searchable_text(self):
        """Its name and description, and its partners and their countries: a partner town
        or « Sénégal » finds the authorities that cooperate there."""
        partners = ""
        if self.pk:
            partners = " ".join(
                f"{partner} {country}"
                for partner, country in self.cooperations.values_list(
                    "partner_name", "country__name"
                )
            )
        return normalize(f"{self.name} {self.description} {partners}")

    def refresh_search_text(self):
        Authority.objects.filter(pk=self.pk).update(search_text=self.searchable_text())


class Cooperation(models.Model):
    """A partnership between an authority of the region and an authority abroad."""

    authority = models.ForeignKey(
        Authority,
        verbose_name=_("authority"),
        on_delete=models.CASCADE,
        related_name="cooperations",
    )
    partner_name = models.CharField(_("partner authority"), max_length=200)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="cooperations",
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    since_year = models.PositiveSmallIntegerField(
        _("since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    is_current = models.BooleanField(_("in progress"), default=True)
    link = models.URLField(_("link (public source)"), blank=True)
    scheme = models.ForeignKey(
        "funding.Scheme",
        verbose_name=_("funding obtained"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("modified on"), auto_now=True)

    class Meta:
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        ordering = ["country__name", "partner_name"]

    def __str__(self):
        return f"{self.authority} — {self.partner_name} ({self.country})"

    # The authority is found by its partners' names: kept in step with each change.
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.authority.refresh_search_text()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.authority.refresh_search_text()
        return result


class DeliberationModel(models.Model):
    """The model council deliberation « Ma collectivité » offers to download, filled in with
    the authority's name and type. One record, edited by staff; its first text comes from
    directory/fixtures/deliberation-model.txt."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "One paragraph per blank line. These brackets are filled in for each authority: "
            "[COLLECTIVITÉ], [LA COLLECTIVITÉ], [DE LA COLLECTIVITÉ], [LE CONSEIL], "
            "[DU CONSEIL], [L’EXÉCUTIF], [VISA DE COMPÉTENCE], [VISA DES LEVIERS], [TRIBUNAL] "
            "and [TYPE]; leave the other brackets for the authority to fill in."
        ),
    )
    updated_at = models.DateTimeField(_("modified on"), auto_now=True)
    # The file's size for a typical name, in kB, as the brief's link says it (RGAA asks for a
    # download's format and size): worked out at each save, never per request.
    file_size_kb = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("model deliberation")
        verbose_name_plural = _("model deliberation")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        from .deliberation_text import values_for

        paragraphs = self.filled_in(values_for(None))
        self.file_size_kb = round(len(as_docx(self.title, paragraphs)) / 1000)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("briefs:blank-deliberation")

    @classmethod
    def current(cls):
        record = cls.objects.order_by("pk").first()
        if record is None:
            lines = DELIBERATION_FILE.read_text(encoding="utf-8").strip().split("\n", 1)
            record = cls.objects.create(title=lines[0].strip(), body=lines[1].strip())
        return record

    def filled_in(self, values):
        """Its paragraphs, each bracket of `values` (« [LE CONSEIL] »…) replaced by its text
        (straight or curly apostrophe alike); a paragraph left empty is dropped."""
        text = self.body.replace("\r\n", "\n").replace("'", "’")
        for key, value in values.items():
            text = text.replace(f"[{key}]", value)
        return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

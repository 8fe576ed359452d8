import uuid
from collections import Counter
from datetime import timedelta

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.richtext import RichTextField, plain_text
from aict_site.search import normalize
from reference.models import AuthorityType, Country, Theme

http_url = URLValidator(schemes=["http", "https"])

MONTHS = [
    _("janvier"), _("février"), _("mars"), _("avril"), _("mai"), _("juin"), _("juillet"),
    _("août"), _("septembre"), _("octobre"), _("novembre"), _("décembre"),
]  # fmt: skip


class Funder(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministère")
        AGENCY = "agency", _("agence")
        EU = "eu", _("Union européenne")
        LAW = "law", _("loi")
        OTHER = "other", _("autre")

    name = models.CharField(_("nom"), max_length=200)
    short_name = models.CharField(
        _("nom court"),
        max_length=80,
        blank=True,
        help_text=_("Avec l’ancien nom s’il a changé, par exemple « DCTCIV (ex-DAECT) »."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind, default=Kind.OTHER)
    description = RichTextField(_("présentation"), blank=True)
    url = models.URLField(_("site officiel"), blank=True, validators=[http_url])
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("financeur")
        verbose_name_plural = _("financeurs")
        ordering = ["position", "name"]

    def __str__(self):
        return self.short_name or self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Its schemes are found by its names (Scheme.search_names): a renamed funder's schemes
        # answer to the new name at once, and still to the old one if kept as short name.
        for scheme in self.schemes.all():
            scheme.funder = self
            scheme.save(update_fields=["search_text"])


class SchemeQuerySet(PublishedQuerySet):
    def for_finder(self):
        """What the finder's list shows: each scheme, its funder and its published calls."""
        return (
            self.published()
            .select_related("funder")
            .prefetch_related(
                models.Prefetch(
                    "calls", queryset=Call.objects.filter(is_published=True).order_by("closes_at")
                )
            )
        )

    def for_listing(self):
        return (
            self.published()
            .select_related("funder")
            .prefetch_related(
                "themes",
                "eligible_authority_types",
                "countries",
                models.Prefetch("calls", queryset=Call.objects.order_by("closes_at")),
            )
        )


class Scheme(Publishable):
    """A way for an authority to fund international action: a call, a facility, a law…"""

    class Kind(models.TextChoices):
        CALL = "call", _("appel à projets")
        FACILITY = "facility", _("facilité de financement")
        PROGRAMME = "programme", _("programme")
        BILATERAL = "bilateral", _("fonds bilatéral")
        LEGAL = "legal", _("dispositif légal")

    funder = models.ForeignKey(
        Funder, verbose_name=_("financeur"), on_delete=models.PROTECT, related_name="schemes"
    )
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("adresse (slug)"), max_length=200, unique=True)
    kind = models.CharField(_("nature"), max_length=20, choices=Kind)
    summary = models.TextField(_("résumé"), help_text=_("Deux ou trois phrases."))
    description = RichTextField(_("description"), blank=True)
    eligible_authority_types = models.ManyToManyField(
        AuthorityType,
        verbose_name=_("collectivités éligibles"),
        blank=True,
        help_text=_("Laissez vide si la source ne le précise pas."),
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("thèmes"), blank=True)
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("pays partenaires"),
        blank=True,
        help_text=_("Laissez vide si le dispositif est ouvert à tous les pays."),
    )
    amount_min = models.PositiveIntegerField(_("montant minimum (€)"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(_("montant maximum (€)"), null=True, blank=True)
    amount_note = models.CharField(
        _("précision sur le montant"),
        max_length=250,
        blank=True,
        help_text=_("Par projet, par an… Laissez vide si aucune source ne le donne."),
    )
    max_rate = models.PositiveSmallIntegerField(
        _("taux de cofinancement maximum (%)"), null=True, blank=True
    )
    official_url = models.URLField(
        _("page officielle (« Pour en savoir plus »)"), blank=True, validators=[http_url]
    )
    source = models.CharField(
        _("source des informations"),
        max_length=300,
        help_text=_("Où ces informations ont été lues : site, page, date."),
    )
    source_url = models.URLField(_("adresse de la source"), blank=True, validators=[http_url])
    position = models.PositiveIntegerField(_("ordre"), default=0)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SchemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("dispositif de financement")
        verbose_name_plural = _("dispositifs de financement")
        ordering = ["funder__position", "funder__name", "position", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=models.F("amount_max")),
                name="funding_scheme_amount_range",
                violation_error_message=_("Le montant minimum dépasse le montant maximum."),
            ),
            models.CheckConstraint(
                condition=Q(max_rate__isnull=True) | Q(max_rate__lte=100),
                name="funding_scheme_rate_percent",
                violation_error_message=_("Un taux ne dépasse pas 100 %."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(
            " ".join([self.title, self.summary, plain_text(self.description), self.search_names()])
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("funding:scheme-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.amount_min and self.amount_max and self.amount_min > self.amount_max:
            raise ValidationError(
                {"amount_max": _("Le montant maximum doit être supérieur au minimum.")}
            )

    def search_names(self):
        """The funder's names, current and former, so "DAECT" finds what is now DCTCIV; kept
        in search_text, so a query may mix them with the scheme's own words."""
        funder = self.funder if self.funder_id else None
        return f"{funder.name} {funder.short_name}" if funder else ""

    def calls_by_state(self, now=None):
        """Open, upcoming and closed calls, from the prefetched calls when there are some."""
        now = now or timezone.now()
        grouped = {"open": [], "upcoming": [], "closed": []}
        for call in self.calls.all():
            if call.is_published:
                grouped[call.state(now)].append(call)
        grouped["closed"].sort(key=lambda c: c.closes_at or c.opens_at, reverse=True)
        return grouped

    def usual_calendar(self):
        """The months in which past editions usually opened and closed, or None."""
        closed = [c for c in self.calls.all() if c.is_published and c.state() == "closed"]
        opened = Counter(timezone.localtime(c.opens_at).month for c in closed if c.opens_at)
        shut = Counter(timezone.localtime(c.closes_at).month for c in closed if c.closes_at)
        if not shut:
            return None
        return {
            "opens": MONTHS[opened.most_common(1)[0][0] - 1] if opened else None,
            "closes": MONTHS[shut.most_common(1)[0][0] - 1],
            "editions": len(closed),
        }


class EligibilityItem(models.Model):
    scheme = models.ForeignKey(
        Scheme, on_delete=models.CASCADE, related_name="checklist", verbose_name=_("dispositif")
    )
    text = models.CharField(_("condition"), max_length=300)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("condition d’éligibilité")
        verbose_name_plural = _("conditions d’éligibilité")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


# A deadline names a minute: a call closing "at 23:59" still accepts until 23:59:59.
CLOSING_MINUTE = timedelta(minutes=1)


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, scheme__is_published=True)

    def open_at(self, moment):
        """Calls open at `moment`, as Call.state() says: opened (or with no opening date)
        and not past their closing minute; an opened call with no closing date is open."""
        return self.filter(
            Q(opens_at__isnull=True) | Q(opens_at__lte=moment),
            Q(closes_at__gt=moment - CLOSING_MINUTE)
            | Q(closes_at__isnull=True, opens_at__isnull=False),
        )

    def closing_within(self, days, moment=None):
        """Calls whose deadline falls in the next `days` days (still open at their closing
        minute)."""
        moment = moment or timezone.now()
        return self.filter(
            closes_at__gt=moment - CLOSING_MINUTE, closes_at__lte=moment + timedelta(days=days)
        )

    def upcoming_deadlines(self, moment=None):
        moment = moment or timezone.now()
        return self.published().filter(closes_at__gt=moment - CLOSING_MINUTE).order_by("closes_at")


class Call(models.Model):
    """One edition of a scheme, with its opening and closing date and time (Europe/Paris)."""

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("dispositif"), on_delete=models.CASCADE, related_name="calls"
    )
    title = models.CharField(_("intitulé"), max_length=200)
    opens_at = models.DateTimeField(
        _("ouverture"),
        null=True,
        blank=True,
        help_text=_("Laissez vide si la source ne le dit pas."),
    )
    closes_at = models.DateTimeField(
        _("clôture"),
        null=True,
        blank=True,
        help_text=_("Date et heure de Paris. Laissez vide si la source ne le dit pas."),
    )
    url = models.URLField(_("lien"), blank=True, validators=[http_url])
    notes = models.TextField(_("notes"), blank=True)
    is_published = models.BooleanField(_("publié"), default=True)
    # Stable across edits, so calendar clients update an event instead of duplicating it.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("appel (édition)")
        verbose_name_plural = _("appels (éditions)")
        ordering = ["closes_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="funding_call_closes_after_opening",
                violation_error_message=_("La clôture doit être postérieure à l’ouverture."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.scheme.get_absolute_url()}#appel-{self.uid}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("La clôture doit être postérieure à l’ouverture.")}
            )

    def state(self, now=None):
        """'open' until the closing minute has passed, 'upcoming' before opening, else 'closed'.

        The same rule as CallQuerySet.open_at, in Python for one call already loaded (a test
        checks that both agree, an opened call with no closing date included)."""
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return "upcoming"
        if self.closes_at and now < self.closes_at + CLOSING_MINUTE:
            return "open"
        if self.closes_at is None and self.opens_at and now >= self.opens_at:
            return "open"
        return "closed"

    def days_left(self, now=None):
        now = now or timezone.now()
        if not self.closes_at:
            return None
        today = timezone.localtime(now).date()
        return (timezone.localtime(self.closes_at).date() - today).days

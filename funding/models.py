import re
import uuid
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.richtext import RichTextField, plain_text
from aict_site.search import normalize
from reference.models import AuthorityType, Country, CountryGroup, Theme

http_url = URLValidator(schemes=["http", "https"])

# Official pages are deep in their sites (diplomatie.gouv.fr's run to 280 characters).
URL_LENGTH = 500


class Funder(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministry")
        AGENCY = "agency", _("agency")
        EU = "eu", _("European Union")
        LAW = "law", _("law")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"),
        max_length=80,
        blank=True,
        help_text=_("With the former name if it changed, for example “DCTCIV (ex-DAECT)”."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind, default=Kind.OTHER)
    description = RichTextField(_("presentation"), blank=True)
    url = models.URLField(
        _("official website"), max_length=URL_LENGTH, blank=True, validators=[http_url]
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
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

    def get_absolute_url(self):
        return reverse("funding:scheme-list")


# How many past editions must agree on a month before a page says « généralement ».
USUAL_AGREEMENT = 3


class SchemeQuerySet(PublishedQuerySet):
    def open_to_country(self, country):
        """The schemes a partnership with `country` may apply to, as each source says: every
        country; only the countries (or groups) chosen; every country but those chosen."""
        countries = Scheme.countries.through.objects.filter(scheme_id=OuterRef("pk"))
        groups = Scheme.country_groups.through.objects.filter(scheme_id=OuterRef("pk"))
        named = countries.filter(country=country)
        in_group = groups.filter(countrygroup__countries=country)
        open_to_all = ~Exists(countries) & ~Exists(groups)
        return self.filter(
            Q(countries_rule=Scheme.CountryRule.EXCEPT) & ~Exists(named)
            | ~Q(countries_rule=Scheme.CountryRule.EXCEPT)
            & (open_to_all | Exists(named) | Exists(in_group))
        )

    def for_finder(self):
        """The finder's list, with each scheme's funder for the headings; what a card shows
        besides is read only for the cards not kept (funding.views.card_data)."""
        return self.published().select_related("funder")


class Scheme(Publishable):
    """A way for an authority to fund international action: a call, a facility, a law…"""

    class Kind(models.TextChoices):
        CALL = "call", _("call for projects")
        FACILITY = "facility", _("funding facility")
        PROGRAMME = "programme", _("programme")
        BILATERAL = "bilateral", _("bilateral fund")
        LEGAL = "legal", _("legal scheme")

    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="schemes"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address (slug)"), max_length=200, unique=True)
    kind = models.CharField(_("nature"), max_length=20, choices=Kind)
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences."))
    description = RichTextField(_("description"), blank=True)
    eligible_authority_types = models.ManyToManyField(
        AuthorityType,
        verbose_name=_("eligible authorities"),
        blank=True,
        help_text=_("Leave empty if the source does not say."),
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)

    class CountryRule(models.TextChoices):
        ONLY = "only", _("the countries and groups chosen (every country when none is chosen)")
        EXCEPT = "except", _("every country except those chosen")

    countries_rule = models.CharField(
        _("partner countries"),
        max_length=10,
        choices=CountryRule,
        default=CountryRule.ONLY,
        help_text=_("As the source says: only some countries (or all), or all but some."),
    )
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("countries chosen"),
        blank=True,
        help_text=_("The countries the source names (only them, or all but them)."),
    )
    country_groups = models.ManyToManyField(
        CountryGroup,
        verbose_name=_("groups of countries chosen"),
        blank=True,
        help_text=_(
            "With « only »: a list the source names as a whole (EU, official development aid)."
        ),
    )
    types_source = models.CharField(
        _("source of the eligible authorities"), max_length=300, blank=True
    )
    types_source_url = models.URLField(
        _("address of that source"), max_length=URL_LENGTH, blank=True, validators=[http_url]
    )
    countries_source = models.CharField(
        _("source of the partner countries"), max_length=300, blank=True
    )
    countries_source_url = models.URLField(
        _("address of that source"), max_length=URL_LENGTH, blank=True, validators=[http_url]
    )
    amount_min = models.PositiveIntegerField(_("minimum amount (€)"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(_("maximum amount (€)"), null=True, blank=True)
    amount_note = models.CharField(
        _("note on the amount"),
        max_length=250,
        blank=True,
        help_text=_("Per project, per year… Leave empty if no source gives it."),
    )
    max_rate = models.PositiveSmallIntegerField(
        _("maximum co-funding rate (%)"), null=True, blank=True
    )
    official_url = models.URLField(
        _("official page"), max_length=URL_LENGTH, blank=True, validators=[http_url]
    )
    source = models.CharField(
        _("source of the information"),
        max_length=300,
        help_text=_("Where this information was read: site, page, date."),
    )
    source_url = models.URLField(
        _("address of the source"), max_length=URL_LENGTH, blank=True, validators=[http_url]
    )
    # When someone last checked the facts against their sources: what the public page shows,
    # unlike updated_at, which any save (or a deploy that loads the content) moves.
    verified_on = models.DateField(
        _("information verified on"),
        null=True,
        help_text=_("The day someone last checked this record against its sources."),
    )
    # A fund that takes contributions when a crisis opens it (FACECO) has no calls to announce.
    works_by_calls = models.BooleanField(
        _("works by calls for projects"),
        default=True,
        help_text=_(
            "Untick for a scheme with no calls (a fund opened per crisis, a law): its page then "
            "offers no « next call » and no alert."
        ),
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SchemeQuerySet.as_manager()

    # Read by aict_site.roles: only administrators delete a scheme (briefs, alerts and
    # links elsewhere point to it; unpublishing takes it off the site).
    editors_may_delete = False

    class Meta:
        verbose_name = _("funding scheme")
        verbose_name_plural = _("funding schemes")
        ordering = ["funder__position", "funder__name", "position", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=models.F("amount_max")),
                name="funding_scheme_amount_range",
                violation_error_message=_("The minimum amount exceeds the maximum amount."),
            ),
            models.CheckConstraint(
                condition=Q(max_rate__isnull=True) | Q(max_rate__lte=100),
                name="funding_scheme_rate_percent",
                violation_error_message=_("A rate does not exceed 100 %."),
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
                {"amount_max": _("The maximum amount must be greater than the minimum.")}
            )

    def search_names(self):
        """The funder's names, current and former, so "DAECT" finds what is now DCTCIV; kept
        in search_text, so a query may mix them with the scheme's own words."""
        funder = self.funder if self.funder_id else None
        return f"{funder.name} {funder.short_name}" if funder else ""

    def related(self, count=3):
        """Other published schemes sharing most themes with this one: what else a visitor
        reading it could apply for."""
        themes = [theme.pk for theme in self.themes.all()]
        if not themes:
            return []
        return list(
            Scheme.objects.published()
            .filter(themes__in=themes)
            .exclude(pk=self.pk)
            .annotate(shared=models.Count("themes"))
            .select_related("funder")
            .order_by("-shared", "title")[:count]
        )

    def source_parts(self):
        """The sources as separate items, (text, address): the address goes only with the
        source whose text names its site (« resacoop.org, … »), never around them all; when
        none names it, it is given apart, under its own name (text None)."""
        parts = [part.strip() for part in self.source.split(" ; ") if part.strip()]
        if not self.source_url:
            return [(part, "") for part in parts]
        host = urlsplit(self.source_url).hostname or ""
        host = host.removeprefix("www.")
        linked = [(part, self.source_url if host and host in part else "") for part in parts]
        if not any(url for _text, url in linked):
            linked.append((None, self.source_url))
        return linked

    def partner_country_codes(self, every_code):
        """The codes of the countries a partnership may be with (None: every country), from
        `every_code`, the codes of the site's list; reads the prefetched relations."""
        named = {country.code for country in self.countries.all()}
        if self.countries_rule == Scheme.CountryRule.EXCEPT:
            return set(every_code) - named
        groups = self.country_groups.all()
        if not named and not groups:
            return None
        for group in groups:
            named |= {country.code for country in group.countries.all()}
        return named

    def calls_by_state(self, now=None):
        """Open, upcoming and closed calls, from the prefetched calls when there are some."""
        now = now or timezone.now()
        grouped = {"open": [], "upcoming": [], "closed": []}
        for call in self.calls.all():
            if call.is_published:
                grouped[call.state(now)].append(call)
        grouped["closed"].sort(key=lambda c: c.closes_at or c.opens_at, reverse=True)
        return grouped

    def past_editions(self, closed=None):
        """The closed editions, newest first, and what most of them agree on: the month in
        which they usually opened or closed, said only when at least USUAL_AGREEMENT
        editions of one call share it (one or two editions are examples, not a habit; the
        youth call and the food-security call of one scheme are two calls)."""
        closed = self.calls_by_state()["closed"] if closed is None else closed
        usual = {}
        for key, field in (("opens", "opens_at"), ("closes", "closes_at")):
            months = Counter(
                (call_series(c.title), timezone.localtime(getattr(c, field)).month)
                for c in closed
                if getattr(c, field)
            )
            if months:
                (_series, month), agreeing = months.most_common(1)[0]
                if agreeing >= USUAL_AGREEMENT:
                    usual[key] = {"month": MONTHS[month], "editions": agreeing}
        return {"editions": closed, "usual": usual, "count": len(closed)}


# What tells one edition of a call from another in its title: a year or years, a roman or
# ordinal number, a « tranche » (« Appel Jeunesse IX », « … 2022-2024, 1re tranche »).
EDITION_MARKS = re.compile(
    r",.*$|\b\d{4}(?:-\d{4})?\b|\b[IVXLC]+\b|\b\d+(?:re|er|e)\b|\b[Tt]ranche\b|\bbis\b"
)


def call_series(title):
    """The call an edition belongs to, from its title: « appel jeunesse » for « Appel
    Jeunesse IX » and « Appel Jeunesse X »."""
    return " ".join(EDITION_MARKS.sub(" ", title).lower().split())


class EligibilityItem(models.Model):
    scheme = models.ForeignKey(
        Scheme, on_delete=models.CASCADE, related_name="checklist", verbose_name=_("scheme")
    )
    text = models.CharField(_("condition"), max_length=300)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("eligibility condition")
        verbose_name_plural = _("eligibility conditions")
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
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="calls"
    )
    title = models.CharField(_("label"), max_length=200)
    opens_at = models.DateTimeField(
        _("opening"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the source does not say it."),
    )
    closes_at = models.DateTimeField(
        _("closing"),
        null=True,
        blank=True,
        help_text=_("Paris date and time. Leave empty if the source does not say it."),
    )
    closing_time_given = models.BooleanField(
        _("the source gives the closing time"),
        default=False,
        help_text=_(
            "Tick only if the source states the hour: otherwise the site shows the date alone "
            "(the call stays open until the end of that day)."
        ),
    )
    announced_on = models.DateField(
        _("announced on"),
        null=True,
        blank=True,
        help_text=_("When the edition was announced, if the source says it and it opens later."),
    )
    url = models.URLField(_("link"), max_length=URL_LENGTH, blank=True, validators=[http_url])
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Shown to visitors on the scheme's page, after the call's dates."),
    )
    verified_on = models.DateField(
        _("information verified on"),
        null=True,
        blank=True,
        help_text=_("The day someone last checked these dates against their source."),
    )
    # Like every new item, a new call starts unpublished (see aict_site.publishing).
    is_published = models.BooleanField(_("published"), default=False)
    # Stable across edits, so calendar clients update an event instead of duplicating it.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modified on"), auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call (edition)")
        verbose_name_plural = _("calls (editions)")
        ordering = ["closes_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="funding_call_closes_after_opening",
                violation_error_message=_("The closing must come after the opening."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.scheme.get_absolute_url()}#appel-{self.uid}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing must come after the opening.")})

    def state(self, now=None):
        """'open' until the closing minute has passed, 'upcoming' before opening, else 'closed'.

        The same rule as CallQuerySet.open_at, in Python for one call already loaded (a test
        checks that both agree, an opened call with no closing date included)."""
        now = now or timezone.now()
        if self.opens_at is None and self.closes_at is None:
            return "upcoming"  # announced, its dates not yet published
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


class WatchedAid(models.Model):
    """An aid of Aides-territoires (the national finder) that may concern the site: staff turn
    it into a call of a scheme, or dismiss it. Nothing from here is published without them.
    Records whose licence is not open keep their title, funder, dates and link only."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        CHANGED = "changed", _("changed since it was seen")
        DONE = "done", _("taken into the site")
        DISMISSED = "dismissed", _("dismissed")

    source_id = models.PositiveIntegerField(_("number at Aides-territoires"), unique=True)
    name = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("page at Aides-territoires"), max_length=URL_LENGTH, blank=True)
    financers = models.CharField(_("funders"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("eligibility"), blank=True)
    perimeter = models.CharField(_("perimeter"), max_length=200, blank=True)
    targeted_audiences = models.CharField(_("for whom"), max_length=500, blank=True)
    categories = models.CharField(_("categories"), max_length=500, blank=True)
    start_date = models.DateField(_("opening"), null=True, blank=True)
    submission_deadline = models.DateField(_("closing"), null=True, blank=True)
    origin_url = models.URLField(_("funder's page"), max_length=URL_LENGTH, blank=True)
    application_url = models.URLField(_("where to apply"), max_length=URL_LENGTH, blank=True)
    open_licence = models.BooleanField(
        _("under an open licence"),
        default=True,
        help_text=_(
            "Unticked: a record Aides-territoires imported under another licence; "
            "only its title, dates and link are kept."
        ),
    )
    date_updated = models.DateTimeField(_("updated at Aides-territoires"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.NEW)
    what_changed = models.CharField(_("what changed"), max_length=500, blank=True)
    call = models.ForeignKey(
        Call,
        verbose_name=_("call made from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    seen_at = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        verbose_name = _("aid to review")
        verbose_name_plural = _("to review (Aides-territoires)")
        ordering = ["status", "-date_updated", "pk"]

    def __str__(self):
        return self.name


# The questions of « Préparer ma candidature », in a module of their own.
from .questions import EligibilityChoice, EligibilityQuestion  # noqa: E402, F401

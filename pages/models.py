from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aict_site.caching.memory import remembered
from aict_site.images import Illustrated
from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.richtext import RichTextField, plain_text
from aict_site.search import normalize
from aict_site.sitemaps import sections_for_people

# Pages whose layout is served by another app's view at that app's own address: the page
# gives the title, introduction, SEO fields and menu place; the view adds what it owns.
APP_ROUTES = {
    "home": "pages:home",
    "contact": "contacts:contact",
    "partners": "partners:list",
    "funding": "funding:scheme-list",
    "agenda": "events:upcoming",
}


class PageQuerySet(PublishedQuerySet):
    def published(self):
        return super().published().filter(published_at__lte=timezone.now())


class Page(Illustrated, Publishable):
    """An editorial page. Its layout says which structured blocks surround the body."""

    class Layout(models.TextChoices):
        STANDARD = "standard", _("Simple page")
        HOME = "home", _("Home")
        WHY = "why", _("Why engage")
        ACTIONS = "actions", _("Kinds of action (with the list of actions)")
        REASONS = "reasons", _("New ways of working (with the numbered reasons)")
        SUPPORT = "support", _("Support schemes")
        NETWORK = "network", _("The network")
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        PRIVACY = "privacy", _("Personal data")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        CONTACT = "contact", _("Contact (with the form)")
        PARTNERS = "partners", _("Partners (with their logos)")
        FUNDING = "funding", _("Funding (with the scheme finder)")
        AGENDA = "agenda", _("Agenda")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address (slug)"),
        max_length=200,
        unique=True,
        help_text=_(
            "Last part of the page's address. If you change it, the former address redirects to "
            "the new one."
        ),
    )
    layout = models.CharField(_("layout"), max_length=20, choices=Layout, default=Layout.STANDARD)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences, shown again on the home page.")
    )
    body = RichTextField(_("content"), blank=True)
    seo_title = models.CharField(
        _("title for search engines"),
        max_length=70,
        blank=True,
        help_text=_("About 60 characters. Leave empty to use the title."),
    )
    meta_description = models.CharField(
        _("description for search engines"),
        max_length=160,
        blank=True,
        help_text=_("Between 50 and 160 characters. Leave empty to use the summary."),
    )
    published_at = models.DateTimeField(_("publication date"), default=timezone.now)
    menu_title = models.CharField(
        _("short title in the menu"),
        max_length=60,
        blank=True,
        help_text=_("Used by the menu entries that lead to this page (« Menu principal »)."),
    )
    position = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("For the breadcrumbs."),
    )
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "title"]
        # Deleting the home page or a page with a layout breaks the site's structure.
        permissions = [("delete_layout_page", _("Can delete the home page and layout pages"))]
        constraints = [
            models.UniqueConstraint(
                fields=["layout"],
                condition=~models.Q(layout="standard"),
                name="pages_page_one_per_special_layout",
                violation_error_message=_("Another page already uses this layout."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(" ".join([self.title, self.summary, plain_text(self.body)]))
        if self.pk:
            self._keep_old_slug_working()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url_for(self.layout, self.slug)

    @staticmethod
    def url_for(layout, slug):
        if layout in APP_ROUTES:
            return reverse(APP_ROUTES[layout])
        return reverse("pages:page-detail", kwargs={"slug": slug})

    def _keep_old_slug_working(self):
        """A renamed page keeps answering at its old address, through a 301."""
        old_slug = Page.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if old_slug and old_slug != self.slug:
            SlugRedirect.objects.filter(old_slug=self.slug).delete()
            SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"page": self})

    @property
    def is_live(self):
        return self.is_published and self.published_at <= timezone.now()

    @property
    def html_title(self):
        return self.seo_title or self.title

    @property
    def description(self):
        return self.meta_description or plain_text(self.summary)[:160]


class SlugRedirect(models.Model):
    old_slug = models.SlugField(_("former address"), max_length=200, unique=True)
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_slug"]

    def __str__(self):
        return f"/{self.old_slug}/ → {self.page}"


def layout_page_url(layout, anchor=""):
    """The address of the page with this layout (the admin's « Voir sur le site » for what
    it shows), or the home page while there is none."""
    slug = Page.objects.filter(layout=layout).values_list("slug", flat=True).first()
    return (Page.url_for(layout, slug) if slug else reverse("pages:home")) + anchor


class OrderedItem(Publishable):
    position = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class Reason(OrderedItem):
    """One of the reasons to develop an international policy, shown numbered."""

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("reason to engage")
        verbose_name_plural = _("reasons to engage")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.text}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return layout_page_url(Page.Layout.REASONS, f"#raison-{self.pk}")


class Action(OrderedItem):
    """One of the kinds of action an authority's international policy may include."""

    text = models.TextField(_("text"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return plain_text(self.text)[:80]

    def save(self, *args, **kwargs):
        self.search_text = normalize(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return layout_page_url(Page.Layout.ACTIONS, f"#action-{self.pk}")


class SiteSettings(models.Model):
    """The one record of facts about the organisation that the footer and legal pages show."""

    # Read by aict_site.roles: the « Rédaction » role leaves it alone.
    administrators_only = True

    class Conformity(models.TextChoices):
        NONE = "non", _("not compliant")
        PARTIAL = "partiellement", _("partially compliant")
        FULL = "totalement", _("fully compliant")

    organisation_name = models.CharField(
        _("name of the organisation"), max_length=120, default="Lianes coopération"
    )
    tagline = models.CharField(_("tagline"), max_length=250, blank=True)
    publisher = models.CharField(
        _("publisher of the site"),
        max_length=250,
        blank=True,
        help_text=_(
            "To complete: name and legal form of the association, registered office, SIRET."
        ),
    )
    publication_director = models.CharField(
        _("publication director"),
        max_length=120,
        blank=True,
        help_text=_("To complete: the person who legally represents the association."),
    )
    contact_email = models.EmailField(_("contact address"), blank=True)
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Where visitors can write: the legal notice and the privacy page show it."),
    )
    host_name = models.CharField(_("host"), max_length=200, blank=True, help_text=_("To complete."))
    host_address = models.CharField(
        _("address of the host"), max_length=300, blank=True, help_text=_("To complete.")
    )
    host_phone = models.CharField(_("phone of the host"), max_length=40, blank=True)
    accessibility_status = models.CharField(
        _("RGAA compliance status"),
        max_length=20,
        choices=Conformity,
        default=Conformity.NONE,
    )
    accessibility_checked_on = models.DateField(
        _("date of the last accessibility check"), null=True, blank=True
    )
    accessibility_statement_on = models.DateField(
        _("date of the accessibility statement"),
        null=True,
        blank=True,
        help_text=_("The day the statement was written or last updated."),
    )
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    mastodon_url = models.URLField(_("Mastodon account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    updated_at = models.DateTimeField(_("modified on"), auto_now=True)

    class Meta:
        verbose_name = _("site settings record")
        verbose_name_plural = _("site settings")
        ordering = ["pk"]

    def __str__(self):
        return str(_("Site settings"))

    def get_absolute_url(self):
        return layout_page_url(Page.Layout.LEGAL_NOTICE)

    @classmethod
    def load(cls):
        """The record, kept in each worker's memory until content changes (saving it changes
        the content version, as any edit does): every page's footer reads it."""
        return remembered(cls.read)

    @classmethod
    def read(cls):
        return cls.objects.get_or_create(pk=1)[0]

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("LinkedIn", self.linkedin_url),
                ("Facebook", self.facebook_url),
                ("Mastodon", self.mastodon_url),
                ("YouTube", self.youtube_url),
            )
            if url
        ]

    @property
    def missing_legal_facts(self):
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ("publisher", "publication_director", "host_name", "host_address")
            if not getattr(self, name)
        ]


def retention_years():
    return round(settings.VISITOR_DATA_RETENTION_DAYS / 365)


def published_layout_page(layout):
    """The published page of `layout` (the one that introduces contact, partners, reasons…),
    or None. Many pages ask for one: kept in memory until content changes, and at most a
    clock period, as pages may be scheduled."""
    return remembered(read_layout_page, str(layout), clock=True)


def read_layout_page(layout):
    return Page.objects.published().filter(layout=layout).first()


class MenuSection(Publishable):
    """A section of the site's main menu: its entries open under its title, or, when it has
    one entry, the title is a plain link to it."""

    title = models.CharField(_("title"), max_length=40)
    position = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        verbose_name = _("menu section")
        verbose_name_plural = _("main menu")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:home")  # the menu is on every page; « Voir sur le site » opens one


def site_address(value):
    """A public address of this site (« /financements/ficol/ »: one the site map lists), or
    a full web address."""
    if value.startswith(("https://", "http://")):
        return URLValidator(schemes=["http", "https"])(value)
    if not value.startswith("/"):
        raise ValidationError(
            _("Give an address on this site, starting with « / », or a full address (https://…).")
        )
    path = value.split("?")[0].split("#")[0]
    if path not in {url for _title, links in sections_for_people() for _label, url in links}:
        raise ValidationError(_("The site has no page at this address."))


class MenuEntry(models.Model):
    section = models.ForeignKey(
        MenuSection, verbose_name=_("section"), on_delete=models.CASCADE, related_name="entries"
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_entries",
        help_text=_("Shown while the page is published."),
    )
    link = models.CharField(
        _("or an address"),
        max_length=300,
        blank=True,
        validators=[site_address],
        help_text=_(
            "A page of the site that is not an editorial page: a scheme (/financements/ficol/), "
            "the agenda (/agenda/), the alerts (/alertes/)…, or a full address (https://…)."
        ),
    )
    label = models.CharField(
        _("label"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty for a page: its short title in the menu, or else its title."),
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("menu entry")
        verbose_name_plural = _("menu entries")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(page__isnull=True) & ~Q(link=""))
                | (Q(page__isnull=False) & Q(link="")),
                name="pages_menuentry_page_or_link",
                violation_error_message=_("Choose a page or give an address, not both."),
            )
        ]

    def __str__(self):
        return self.text or self.link

    def clean(self):
        if (self.page_id is None) == (not self.link):
            raise ValidationError(_("Choose a page or give an address, not both."))
        if self.link and not self.label:
            raise ValidationError({"label": _("An address needs a label.")})

    @property
    def text(self):
        if self.label:
            return self.label
        return (self.page.menu_title or self.page.title) if self.page_id else ""

    @property
    def url(self):
        return self.page.get_absolute_url() if self.page_id else self.link

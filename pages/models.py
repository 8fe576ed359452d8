from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField

from aict_site.images import (
    RESPONSIVE_WIDTHS,
    readable_url,
    scaled_height,
    validate_image,
    webp_spec,
)
from aict_site.pagecache import remembered
from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.richtext import RichTextField, plain_text
from aict_site.search import normalize

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


class Page(Publishable):
    """An editorial page. Its layout says which structured blocks surround the body."""

    class Layout(models.TextChoices):
        STANDARD = "standard", _("Page simple")
        HOME = "home", _("Accueil")
        WHY = "why", _("Pourquoi s’engager")
        ACTIONS = "actions", _("Types d’actions (avec la liste des actions)")
        REASONS = "reasons", _("Nouvelles modalités (avec les raisons numérotées)")
        SUPPORT = "support", _("Dispositifs d’appui")
        NETWORK = "network", _("Le réseau")
        LEGAL_NOTICE = "legal-notice", _("Mentions légales")
        PRIVACY = "privacy", _("Données personnelles")
        ACCESSIBILITY = "accessibility", _("Déclaration d’accessibilité")
        CONTACT = "contact", _("Contact (avec le formulaire)")
        PARTNERS = "partners", _("Partenaires (avec leurs logos)")
        FUNDING = "funding", _("Financements (avec la recherche de dispositifs)")
        AGENDA = "agenda", _("Agenda")

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(
        _("adresse (slug)"),
        max_length=200,
        unique=True,
        help_text=_(
            "Dernière partie de l’adresse de la page. Si vous la changez, "
            "l’ancienne adresse redirige vers la nouvelle."
        ),
    )
    layout = models.CharField(
        _("mise en page"), max_length=20, choices=Layout, default=Layout.STANDARD
    )
    summary = models.TextField(
        _("résumé"), blank=True, help_text=_("Une ou deux phrases, reprises en page d’accueil.")
    )
    body = RichTextField(_("contenu"), blank=True)
    image = models.ImageField(
        _("image"),
        upload_to="pages/",
        blank=True,
        validators=[validate_image],
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG ou WebP, 5 Mo au plus."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("texte alternatif de l’image"),
        max_length=250,
        blank=True,
        help_text=_("Décrit l’image pour qui ne la voit pas. Obligatoire avec une image."),
    )
    seo_title = models.CharField(
        _("titre pour les moteurs de recherche"),
        max_length=70,
        blank=True,
        help_text=_("60 caractères environ. Laissez vide pour reprendre le titre."),
    )
    meta_description = models.CharField(
        _("description pour les moteurs de recherche"),
        max_length=160,
        blank=True,
        help_text=_("Entre 50 et 160 caractères. Laissez vide pour reprendre le résumé."),
    )
    published_at = models.DateTimeField(_("date de publication"), default=timezone.now)
    show_in_menu = models.BooleanField(_("dans le menu principal"), default=False)
    menu_title = models.CharField(_("titre court dans le menu"), max_length=60, blank=True)
    position = models.PositiveIntegerField(_("ordre"), default=0, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("page parente"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Pour le fil d’Ariane."),
    )
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    image_480 = ImageSpecField(source="image", spec=webp_spec(480))
    image_960 = ImageSpecField(source="image", spec=webp_spec(960))
    image_1440 = ImageSpecField(source="image", spec=webp_spec(1440))

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["layout"],
                condition=~models.Q(layout="standard"),
                name="pages_page_one_per_special_layout",
                violation_error_message=_("Une autre page utilise déjà cette mise en page."),
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

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Décrivez l’image : le texte alternatif est obligatoire.")}
            )

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

    def responsive_image(self):
        """The image's sizes for srcset, with the dimensions each copy will have."""
        if not self.image or not self.image_width:
            return None
        label = f"page {self.pk}"
        sources = [
            (readable_url(getattr(self, f"image_{w}"), label), min(w, self.image_width))
            for w in RESPONSIVE_WIDTHS
            if w <= self.image_width or w == RESPONSIVE_WIDTHS[0]
        ]
        if any(url is None for url, _width in sources):
            return None
        return {
            "fallback": self.image.url,
            "srcset": ", ".join(f"{url} {w}w" for url, w in sources),
            "width": min(self.image_width, 960),
            "height": scaled_height(self.image_width, self.image_height, 960),
            "alt": self.image_alt,
        }


class SlugRedirect(models.Model):
    old_slug = models.SlugField(_("ancienne adresse"), max_length=200, unique=True)
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirection")
        verbose_name_plural = _("redirections")
        ordering = ["old_slug"]

    def __str__(self):
        return f"/{self.old_slug}/ → {self.page}"


class OrderedItem(Publishable):
    position = models.PositiveIntegerField(_("ordre"), default=0, db_index=True)
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class Reason(OrderedItem):
    """One of the reasons to develop an international policy, shown numbered."""

    title = models.CharField(_("titre"), max_length=200)
    text = models.TextField(_("texte"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("raison de s’engager")
        verbose_name_plural = _("raisons de s’engager")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.text}")
        super().save(*args, **kwargs)


class Action(OrderedItem):
    """One of the kinds of action an authority's international policy may include."""

    text = models.TextField(_("texte"))

    class Meta(OrderedItem.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return plain_text(self.text)[:80]

    def save(self, *args, **kwargs):
        self.search_text = normalize(self.text)
        super().save(*args, **kwargs)


class SiteSettings(models.Model):
    """The one record of facts about the organisation that the footer and legal pages show."""

    # Read by aict_site.roles: the « Rédaction » role leaves it alone.
    administrators_only = True

    class Conformity(models.TextChoices):
        NONE = "non", _("non conforme")
        PARTIAL = "partiellement", _("partiellement conforme")
        FULL = "totalement", _("totalement conforme")

    organisation_name = models.CharField(
        _("nom de l’organisation"), max_length=120, default="Lianes coopération"
    )
    tagline = models.CharField(_("signature"), max_length=250, blank=True)
    publisher = models.CharField(
        _("éditeur du site"),
        max_length=250,
        blank=True,
        help_text=_("À compléter : nom et forme juridique de l’association, siège, SIRET."),
    )
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"),
        max_length=120,
        blank=True,
        help_text=_("À compléter : la personne qui représente légalement l’association."),
    )
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    host_name = models.CharField(
        _("hébergeur"), max_length=200, blank=True, help_text=_("À compléter.")
    )
    host_address = models.CharField(
        _("adresse de l’hébergeur"), max_length=300, blank=True, help_text=_("À compléter.")
    )
    host_phone = models.CharField(_("téléphone de l’hébergeur"), max_length=40, blank=True)
    accessibility_status = models.CharField(
        _("état de conformité RGAA"),
        max_length=20,
        choices=Conformity,
        default=Conformity.NONE,
    )
    accessibility_checked_on = models.DateField(
        _("date du dernier contrôle d’accessibilité"), null=True, blank=True
    )
    linkedin_url = models.URLField(_("page LinkedIn"), blank=True)
    facebook_url = models.URLField(_("page Facebook"), blank=True)
    mastodon_url = models.URLField(_("compte Mastodon"), blank=True)
    youtube_url = models.URLField(_("chaîne YouTube"), blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("réglages du site")
        verbose_name_plural = _("réglages du site")
        ordering = ["pk"]

    def __str__(self):
        return str(_("Réglages du site"))

    @classmethod
    def load(cls, request=None):
        """The record, kept in each worker's memory until content changes (saving it changes
        the content version, as any edit does): every page's footer reads it."""
        return remembered(
            "site-settings", lambda: cls.objects.get_or_create(pk=1)[0], request=request
        )

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


def published_layout_page(layout, request=None):
    """The published page of `layout` (the one that introduces contact, partners, reasons…),
    or None. Many pages ask for one: kept in memory until content changes, and at most a
    clock period, as pages may be scheduled."""
    return remembered(
        f"layout-page:{layout}",
        lambda: Page.objects.published().filter(layout=layout).first(),
        request=request,
        seconds=settings.FRAGMENT_CLOCK_SECONDS,
    )

"""News items (actualités): dated, optionally scheduled, linked to the funding, events and
authorities they are about."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aict_site.images import Illustrated
from aict_site.publishing import Publishable, PublishedQuerySet
from aict_site.richtext import RichTextField, plain_text
from aict_site.search import normalize


class NewsQuerySet(PublishedQuerySet):
    def published(self):
        """Published and due: an item dated in the future appears at that time, by itself."""
        return super().published().filter(published_at__lte=timezone.now())


class NewsItem(Illustrated, Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address (slug)"), max_length=200, unique=True)
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("Paris time. A date to come: the item appears on the site at that time."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("One or two sentences, shown in the lists, the feed and the home page."),
    )
    body = RichTextField(_("content"), blank=True)
    themes = models.ManyToManyField(
        "reference.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    countries = models.ManyToManyField(
        "reference.Country", verbose_name=_("countries"), blank=True, related_name="+"
    )
    # The other apps do not know of news (related_name="+"): their admin shows the items
    # that mention a record through the news app (news.admin).
    schemes = models.ManyToManyField(
        "funding.Scheme", verbose_name=_("related funding schemes"), blank=True, related_name="+"
    )
    calls = models.ManyToManyField(
        "funding.Call", verbose_name=_("related calls"), blank=True, related_name="+"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("related events"), blank=True, related_name="+"
    )
    authorities = models.ManyToManyField(
        "directory.Authority",
        verbose_name=_("related authorities"),
        blank=True,
        related_name="+",
    )
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(" ".join([self.title, self.summary, plain_text(self.body)]))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:item-detail", kwargs={"slug": self.slug})

    @property
    def is_live(self):
        return self.is_published and self.published_at <= timezone.now()

    @property
    def description(self):
        """For search engines: the summary, followed by the text when it is short."""
        text = " ".join([self.summary, plain_text(self.body)]).strip()
        return text if len(text) <= 158 else text[:157].rsplit(" ", 1)[0] + "…"

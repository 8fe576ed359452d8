"""The draft/published base shared by every kind of public content."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """The one visibility rule: views, sitemaps, feeds and search all call it."""
        return self.filter(is_published=True)


class Publishable(models.Model):
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Untick to take it off the site without deleting it."),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modified on"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

"""The draft/published base shared by every kind of public content."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """The one visibility rule: views, sitemaps, feeds and search all call it."""
        return self.filter(is_published=True)


class Publishable(models.Model):
    is_published = models.BooleanField(
        _("publié"),
        default=False,
        help_text=_("Décochez pour retirer du site sans supprimer."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

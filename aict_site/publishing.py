"""The draft/published base shared by every kind of public content.

Every new item of every kind (page, reason, scheme, call, event, office, partner, subject of
the contact form…) starts unpublished: nothing half-written reaches visitors, and staff see
it first through « Voir sur le site », a preview no visitor gets (StaffPreviewMixin, and the
pages' own preview). Ticking « publié » puts it on the site.
"""

from django.db import models
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """The one visibility rule: views, sitemaps, feeds and search all call it."""
        return self.filter(is_published=True)


class Publishable(models.Model):
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Ticked: on the site (from its publication date, where it has one). Unticked: a "
            "draft only staff see — every new item starts so. Untick to take an item off the "
            "site without deleting it."
        ),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modified on"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


class StaffPreviewMixin:
    """A detail view that shows staff a draft, as an uncached preview with a notice (the
    « Voir sur le site » link of the admin leads there); anyone else gets the draft's 404."""

    preview = False

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            if not self.request.user.is_staff:
                raise
            # Without the view's prefetches: a preview may cost a few more queries.
            self.preview = True
            return super().get_object(self.get_queryset().model.objects.all())

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.preview:
            add_never_cache_headers(response)
        return response

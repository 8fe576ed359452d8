"""The core's one table: counters that no cache eviction can reset."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """A count under a key until a moment: rate-limit windows, single-use form tokens.

    In the database rather than the shared cache, because a cache drops entries when it is
    full, and a visitor who can fill it (by asking for many pages) could then reset the count.
    """

    key = models.CharField(_("key"), max_length=200, primary_key=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    # Seconds since the epoch: compared in SQL without time-zone conversions.
    expires_at = models.BigIntegerField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("counter")
        verbose_name_plural = _("counters")
        ordering = ["key"]

    def __str__(self):
        return f"{self.key}: {self.count}"

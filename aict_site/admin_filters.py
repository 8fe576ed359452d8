"""Admin list filters shared by the apps' visitors' records."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class NotifiedFilter(admin.SimpleListFilter):
    """Whether the team was told of the record (`aict_site.notifying.Notified`)."""

    title = _("team notified")
    parameter_name = "notified"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no: sending to retry"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(notified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(notified_at__isnull=True)
        return queryset

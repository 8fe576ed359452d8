from django.utils.translation import gettext_lazy as _

from aict_site.sitemaps import named_pages

sitemaps = {
    "alerts": named_pages(_("Alerts by email"), {"alerts:subscribe": _("Subscribe to the alerts")}),
}

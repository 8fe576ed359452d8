from django.contrib.sitemaps import Sitemap
from django.utils.translation import gettext_lazy as _

from aict_site.sitemaps import named_pages

from .models import Event


class EventSitemap(Sitemap):
    title = _("Events")
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, event):
        return event.updated_at


sitemaps = {
    "agenda": named_pages(
        _("Agenda"),
        {"events:upcoming": _("Next events"), "events:archive": _("Past events")},
        changefreq="daily",
        priority=0.7,
    ),
    "events": EventSitemap,
}

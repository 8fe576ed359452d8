from django.contrib.sitemaps import Sitemap

from aict_site.sitemaps import named_pages

from .models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, event):
        return event.updated_at


sitemaps = {
    "agenda": named_pages("events:upcoming", "events:archive", changefreq="daily", priority=0.7),
    "events": EventSitemap,
}

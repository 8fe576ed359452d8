from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Event


class AgendaSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["events:upcoming", "events:archive"]

    def location(self, name):
        return reverse(name)


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, event):
        return event.updated_at


sitemaps = {"agenda": AgendaSitemap, "events": EventSitemap}

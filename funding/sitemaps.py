from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Scheme


class SchemeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Scheme.objects.published().order_by("pk")

    def lastmod(self, scheme):
        return scheme.updated_at


class FundingPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["funding:scheme-list", "funding:calendar"]

    def location(self, name):
        return reverse(name)


sitemaps = {"funding": FundingPagesSitemap, "schemes": SchemeSitemap}

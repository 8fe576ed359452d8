from django.contrib.sitemaps import Sitemap

from aict_site.sitemaps import named_pages

from .models import Scheme


class SchemeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Scheme.objects.published().order_by("pk")

    def lastmod(self, scheme):
        return scheme.updated_at


sitemaps = {
    "funding": named_pages(
        "funding:scheme-list", "funding:calendar", changefreq="daily", priority=0.8
    ),
    "schemes": SchemeSitemap,
}

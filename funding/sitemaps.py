from django.contrib.sitemaps import Sitemap
from django.utils.translation import gettext_lazy as _

from aict_site.sitemaps import named_pages

from .models import Scheme


class SchemeSitemap(Sitemap):
    title = _("Funding schemes")
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Scheme.objects.published().order_by("pk")

    def lastmod(self, scheme):
        return scheme.updated_at


sitemaps = {
    "funding": named_pages(
        _("Funding"),
        {"funding:scheme-list": _("All funding"), "funding:calendar": _("Closing calendar")},
        changefreq="daily",
        priority=0.8,
    ),
    "schemes": SchemeSitemap,
}

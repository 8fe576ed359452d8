from django.contrib.sitemaps import Sitemap
from django.utils.translation import gettext_lazy as _

from .models import Page


class PageSitemap(Sitemap):
    title = _("Pages")
    changefreq = "monthly"

    def items(self):
        # The funding and agenda lists are in those apps' own sitemap sections.
        return (
            Page.objects.published()
            .exclude(layout__in=[Page.Layout.FUNDING, Page.Layout.AGENDA])
            .order_by("position", "pk")
        )

    def lastmod(self, page):
        return page.updated_at

    def priority(self, page):
        return 1.0 if page.layout == Page.Layout.HOME else 0.6


sitemaps = {"pages": PageSitemap}

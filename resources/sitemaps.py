from django.contrib.sitemaps import Sitemap
from django.utils.translation import gettext_lazy as _

from aict_site.sitemaps import named_pages

from .models import Resource


class ResourceSitemap(Sitemap):
    title = _("Resources: documents and links")
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Resource.objects.published().order_by("pk")

    def lastmod(self, resource):
        return resource.updated_at


sitemaps = {
    "resource-list": named_pages(_("Resources"), {"resources:list": _("All the resources")}),
    "resources": ResourceSitemap,
}

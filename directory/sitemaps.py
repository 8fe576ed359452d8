from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aict_site.sitemaps import named_pages
from reference.models import Country

from .models import Authority


class AuthoritySitemap(Sitemap):
    title = _("Authorities")
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Authority.objects.published().order_by("pk")

    def lastmod(self, authority):
        return authority.updated_at


class CountrySitemap(Sitemap):
    title = _("Cooperations by partner country")
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return (
            Country.objects.filter(cooperations__authority__is_published=True)
            .distinct()
            .order_by("code")
        )

    def location(self, country):
        return reverse("directory:authority-country", kwargs={"code": country.code})


sitemaps = {
    "directory": named_pages(
        _("Engaged authorities"),
        {"directory:authority-list": _("The authorities engaged internationally")},
        priority=0.6,
    ),
    "authorities": AuthoritySitemap,
    "countries": CountrySitemap,
}

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from reference.models import Country

from .models import Authority


class DirectorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["directory:authority-list"]

    def location(self, name):
        return reverse(name)


class AuthoritySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Authority.objects.published().order_by("pk")

    def lastmod(self, authority):
        return authority.updated_at


class CountrySitemap(Sitemap):
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
    "directory": DirectorySitemap,
    "authorities": AuthoritySitemap,
    "countries": CountrySitemap,
}

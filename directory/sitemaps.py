from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aict_site.sitemaps import named_pages
from reference.models import Country, Territory

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


class BriefSitemap(Sitemap):
    """« Ma collectivité »: one page per authority of the region (3,880, well under the
    50,000 a sitemap may list)."""

    title = _("My authority")
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Territory.objects.filter(is_current=True).order_by("code").only("code", "name")

    def location(self, territory):
        return reverse("briefs:brief", kwargs={"code": territory.code})


sitemaps = {
    "directory": named_pages(
        _("Engaged authorities"),
        {"directory:authority-list": _("The authorities engaged internationally")},
        priority=0.6,
    ),
    "authorities": AuthoritySitemap,
    "countries": CountrySitemap,
    "my-authority": named_pages(
        _("My authority"), {"briefs:search": _("Find your authority")}, priority=0.7
    ),
    "briefs": BriefSitemap,
}

from django.contrib.sitemaps import Sitemap
from django.utils.translation import gettext_lazy as _

from aict_site.sitemaps import named_pages

from .models import NewsItem


class NewsSitemap(Sitemap):
    title = _("News items")
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return NewsItem.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


sitemaps = {
    "news-list": named_pages(_("News"), {"news:list": _("All the news")}, changefreq="daily"),
    "news": NewsSitemap,
}

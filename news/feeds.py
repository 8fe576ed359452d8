from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from aict_site.feeds import CleanAtom1Feed

from .models import NewsItem

FEED_SIZE = 20


class NewsFeed(Feed):
    """The published news, newest first (an item scheduled for later joins at its time)."""

    feed_type = CleanAtom1Feed
    title = _("Lianes coopération — news")
    subtitle = _("News of international cooperation for the local authorities of Hauts-de-France.")
    link = reverse_lazy("news:list")
    # RFC 4287: a feed whose entries have no author of their own names one.
    author_name = "Lianes coopération"

    def items(self):
        return NewsItem.objects.published()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

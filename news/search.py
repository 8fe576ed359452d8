from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.search import Source

from .models import NewsItem


class NewsSource(Source):
    columns = ("title", "published_at")
    record_fields = ("slug", "summary")
    url_name = "news:item-detail"

    def queryset(self):
        return NewsItem.objects.published()

    def kind(self, row):
        date = timezone.localtime(row["published_at"]).strftime("%d/%m/%Y")
        return _("News — %(date)s") % {"date": date}

    def text(self, item):
        return item["summary"]

"""News for alerts' subscribers: published since a moment (scheduled ones once due)."""

from django.utils.translation import gettext as _

from aict_site.alerting import Item, Source
from aict_site.templatetags.french import day

from .models import NewsItem


class NewsAlertSource(Source):
    key = "news"

    def new_items(self, since):
        items = NewsItem.objects.published().filter(published_at__gte=since)
        return [
            Item(
                source=self.key,
                pk=item.pk,
                title=item.title,
                url=item.get_absolute_url(),
                detail=_("Published on %(date)s") % {"date": day(item.published_at)},
                changed_at=item.published_at,
                facets={"themes": {t.slug for t in item.themes.all()}},
            )
            for item in items.prefetch_related("themes")
        ]

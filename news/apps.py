from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from aict_site import alerting, search

        from .alerts import NewsAlertSource
        from .search import NewsSource

        search.register(NewsSource())
        alerting.register(NewsAlertSource())

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from aict_site import search

        from . import search as page_search

        for source in (
            page_search.PageSource(),
            page_search.ReasonSource(),
            page_search.ActionSource(),
        ):
            search.register(source)

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
        from django.db.models.signals import post_delete, post_save

        from .models import SiteSettings, forget_site_settings

        post_save.connect(forget_site_settings, sender=SiteSettings, dispatch_uid="site-settings")
        post_delete.connect(
            forget_site_settings, sender=SiteSettings, dispatch_uid="site-settings-d"
        )

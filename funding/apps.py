from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding")

    def ready(self):
        from aict_site import alerting, search

        from . import search as funding_search
        from .alerts import CallSource

        search.register(funding_search.SchemeSource())
        alerting.register(CallSource())

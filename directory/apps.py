from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The region's authorities engaged abroad: list, map, filters, exports and CSV import."""

    name = "directory"
    verbose_name = _("Engaged authorities")

    def ready(self):
        from aict_site import search
        from reference import territories

        from . import models
        from . import search as directory_search

        search.register(directory_search.AuthoritySource())
        search.register(directory_search.BriefSource())
        search.register(directory_search.BriefToolSource())
        territories.loaded.connect(models.link_territories, dispatch_uid="directory.territories")

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AictSiteConfig(AppConfig):
    name = "aict_site"
    verbose_name = _("Site")

    def ready(self):
        from . import checks, fulltext, roles  # noqa: F401 - checks register themselves
        from .caching.version import watch_writes

        post_migrate.connect(roles.sync_roles, dispatch_uid="aict_site.sync_roles")
        # Once per migrate, after every app's migrations: sent with this app as sender.
        post_migrate.connect(fulltext.ensure, sender=self, dispatch_uid="aict_site.fulltext")
        watch_writes()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Réseau et contacts")

    def ready(self):
        from aict_site import search

        from . import search as contacts_search

        search.register(contacts_search.search)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Réseau et contacts")

    def ready(self):
        from aict_site import notifying, search

        from . import checks, notifications  # noqa: F401 - checks register themselves
        from . import search as contacts_search
        from .models import ContactRequest

        search.register(contacts_search.AuthoritySource())
        notifying.register(ContactRequest, notifications.build_message)

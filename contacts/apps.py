from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Network and contacts")

    def ready(self):
        from aict_site import notifying, personal_data, search

        from . import notifications
        from . import personal_data as contact_data
        from . import search as contacts_search
        from .models import ContactRequest

        search.register(contacts_search.OfficeSource())
        search.register(contacts_search.PersonSource())
        notifying.register(ContactRequest, notifications.build_message)
        personal_data.register(
            "contact_requests", ContactRequest, contact_data.describe, contact_data.RELATED
        )

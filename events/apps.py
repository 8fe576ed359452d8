from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from aict_site import alerting, notifying, personal_data, search

        from . import registrant_mail, registrations
        from . import search as events_search
        from .alerts import EventSource
        from .models import Registration

        search.register(events_search.EventSource())
        alerting.register(EventSource())
        notifying.register(Registration, registrations.build_message)
        notifying.register(
            Registration, registrant_mail.build_registrant_message, registrations.REGISTRANT
        )
        personal_data.register(
            "event_registrations", Registration, registrations.describe, ["event"]
        )

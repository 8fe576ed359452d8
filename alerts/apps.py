from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alerts")

    def ready(self):
        from aict_site import notifying, personal_data

        from . import subscriptions
        from .models import Subscriber

        notifying.register(Subscriber, subscriptions.build_mail, subscriptions.MAIL)
        personal_data.register(
            "alert_subscribers", Subscriber, subscriptions.describe, expires=False
        )

"""The events' part of the admin dashboard: the events taking registrations, and whether
anyone is told of each registration."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aict_site.dashboard import Entry, change_url, list_url

from . import registrations
from .models import Event, Registration


def activity():
    events = (
        Event.objects.upcoming()
        .filter(is_registration_open=True)
        .select_related("office")
        .annotate(registered=Count("registrations"))
    )
    entries = []
    unsent = (
        Registration.objects.filter(registrant_mail_due=True, registrant_mail_attempts__gt=0)
        .exclude(registrant_mail_error="")
        .count()
    )
    if unsent:
        entries.append(
            Entry(
                ngettext(
                    "%(count)s email to registrants not sent yet: the mail server refused it "
                    "(send_pending_notifications tries again).",
                    "%(count)s emails to registrants not sent yet: the mail server refused them "
                    "(send_pending_notifications tries again).",
                    unsent,
                )
                % {"count": unsent},
                list_url(Registration),
                alarm=True,
            )
        )
    for event in events:
        entries.append(
            Entry(
                ngettext(
                    "Registrations open: %(event)s (%(count)s registered)",
                    "Registrations open: %(event)s (%(count)s registered)",
                    event.registered,
                )
                % {"event": event.title, "count": event.registered},
                change_url(event),
            )
        )
        if not registrations.event_recipients(event):
            entries.append(
                Entry(
                    _(
                        "%(event)s: nobody would be told of its registrations. Give it an office "
                        "with an address that receives the requests, or the host sets "
                        "NOTIFY_EMAILS."
                    )
                    % {"event": event.title},
                    change_url(event),
                    alarm=True,
                )
            )
    return entries

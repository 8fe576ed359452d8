"""The contacts' part of the admin dashboard: whom contact requests reach, and the partners
staff flagged for checking."""

from django.conf import settings
from django.utils.translation import gettext as _

from aict_site.dashboard import Entry, change_url, list_url

from .models import Office, Partner


def readiness():
    entries = []
    offices = list(Office.objects.published())
    if not settings.NOTIFY_EMAILS:
        entries += [
            Entry(
                _(
                    "Office « %(office)s »: its contact requests reach nobody. An administrator "
                    "fills in its « address that receives the requests », or the host sets "
                    "NOTIFY_EMAILS."
                )
                % {"office": office.name},
                change_url(office),
                blocks_launch=True,
                alarm=True,
            )
            for office in offices
            if not office.notify_email
        ]
        if not offices:
            entries.append(
                Entry(
                    _(
                        "Contact requests reach nobody: publish an office with an address that "
                        "receives them, or the host sets NOTIFY_EMAILS."
                    ),
                    list_url(Office),
                    blocks_launch=True,
                    alarm=True,
                )
            )
    entries += [
        Entry(
            _("Partner to check: « %(partner)s » — %(note)s")
            % {"partner": partner.name, "note": partner.review_note or _("no note")},
            change_url(partner),
        )
        for partner in Partner.objects.filter(needs_review=True)
    ]
    return entries

"""The funding part of the admin dashboard: the deadlines of the coming month, and the
schemes whose facts nobody has checked for a year."""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from aict_site.dashboard import Entry, change_url

from .models import Call, Scheme

CLOSING_SOON = timedelta(days=30)
CHECK_AGAIN_AFTER = timedelta(days=365)


def activity():
    now = timezone.now()
    calls = (
        Call.objects.upcoming_deadlines(now)
        .filter(closes_at__lte=now + CLOSING_SOON)
        .select_related("scheme")
    )
    return [
        Entry(
            _("Call closing on %(date)s: %(call)s")
            % {
                "date": date_format(timezone.localtime(call.closes_at), "j F Y"),
                "call": call.title,
            },
            change_url(call),
        )
        for call in calls
    ]


def readiness():
    stale = timezone.localdate() - CHECK_AGAIN_AFTER
    return [
        Entry(
            _("Scheme « %(scheme)s »: facts last checked on %(date)s, over a year ago.")
            % {"scheme": scheme.title, "date": date_format(scheme.verified_on, "j F Y")},
            change_url(scheme),
        )
        for scheme in Scheme.objects.filter(is_published=True, verified_on__lt=stale)
    ]

"""The admin's login records (django-axes) kept STAFF_LOGIN_RECORDS_DAYS, then deleted by
`purge_visitor_data`: a staff member's address and browser are personal data too."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone


def purge_expired():
    """Delete the login records older than the retention; how many."""
    limit = timezone.now() - timedelta(days=settings.STAFF_LOGIN_RECORDS_DAYS)
    return sum(
        model.objects.filter(attempt_time__lt=limit).delete()[0]
        for model in (AccessLog, AccessFailureLog, AccessAttempt)
    )

"""Visitors' rights over their data: everything held about one address, exported or erased,
and deleted after the retention period (VISITOR_DATA_RETENTION_DAYS).

Each app registers what it holds about people (`register`), so the core names no app and a
new kind of record (alerts, say) joins the export, the erasure and the purge by registering.
Each export or erasure is logged with counts only: the log never holds the data itself.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from .revisions import forget

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Holding:
    """One kind of record about people: a model with an `email` and a `created_at` field, and
    what the export shows of one record (`describe`)."""

    model: type
    describe: object
    related: tuple = ()
    # False for records kept as long as the person wants them (a subscription to alerts).
    expires: bool = True

    def records(self, email):
        return self.model.objects.filter(email__iexact=email).select_related(*self.related)


_holdings = {}


def register(key, model, describe, related=(), expires=True):
    """`describe(record)` returns the dict the export shows; `related` is select_related;
    `expires=False` leaves the records out of the purge."""
    _holdings[key] = Holding(model, describe, tuple(related), expires)


def held_about(email):
    return {
        "email": email,
        **{
            key: [holding.describe(record) for record in holding.records(email)]
            for key, holding in _holdings.items()
        },
    }


def what_is_held(emails):
    """For each address, each kind of record held about it and those records, as the admin
    names them: what an erasure would delete, shown before it does."""
    return [
        (
            email,
            [
                (holding.model._meta.verbose_name_plural, [str(record) for record in records])
                for holding in _holdings.values()
                if (records := list(holding.records(email)))
            ],
        )
        for email in sorted(set(emails))
    ]


def export(emails, user):
    data = [held_about(email) for email in sorted(set(emails))]
    logger.info(
        "Personal data export by user %s: %s address(es), %s record(s)",
        user.pk,
        len(data),
        sum(len(item[key]) for item in data for key in _holdings),
    )
    return DjangoJSONEncoder(indent=2, ensure_ascii=False).encode(data)


def _delete(model, queryset):
    """Delete the records and every copy of them (revisions, admin log): the count."""
    pks = list(queryset.values_list("pk", flat=True))
    count, _by_model = model.objects.filter(pk__in=pks).delete()
    forget(model, pks)
    return count


def erase(emails, user):
    deleted = 0
    for email in set(emails):
        for holding in _holdings.values():
            deleted += _delete(holding.model, holding.records(email))
    logger.info(
        "Personal data erased by user %s: %s address(es), %s record(s)",
        user.pk,
        len(set(emails)),
        deleted,
    )
    return deleted


def purge_expired():
    """Delete every record older than VISITOR_DATA_RETENTION_DAYS; {key: count deleted}."""
    limit = timezone.now() - timedelta(days=settings.VISITOR_DATA_RETENTION_DAYS)
    deleted = {}
    for key, holding in _holdings.items():
        if not holding.expires:
            continue
        deleted[key] = _delete(holding.model, holding.model.objects.filter(created_at__lt=limit))
    return deleted

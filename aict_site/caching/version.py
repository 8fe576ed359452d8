"""The content version: one number in the shared cache, renewed whenever content changes.

Everything the site keeps (pages, fragments, remembered values) is stamped with the version it
was made under and served only under that version, so an edit shows on the very next request,
in every worker. The version is renewed by the database writes themselves: every INSERT,
UPDATE or DELETE on a content table, however it was made (`save()`, `QuerySet.update()`,
`bulk_create`, `bulk_update`, `delete()`, a many-to-many change, an admin action, raw SQL in a
shell or a migration), so that no way of changing data can leave a page stale.

A request works under the version it read when it started: what it renders from rows older
than an edit is never kept under a newer version. A request that writes content keeps nothing
it renders afterwards (its rows may yet roll back).
"""

import re
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db.backends.signals import connection_created

VERSION_KEY = "content:version"
# The version of a request that wrote content: nothing rendered under it is kept.
NOT_KEPT = "not-kept"

_request_version = ContextVar("content_version", default=None)


def new_version():
    # A timestamp rather than a counter: monotonic enough, and no lost update between workers.
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def shared_version():
    """The version in the shared cache; a new one where it has none (first start, flushed,
    culled), never 0, or entries kept in a worker's memory under an old 0 would come back."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def current_version():
    """The version the current request works under (read once, when it started), or the
    shared one outside a request (a command, a test)."""
    return _request_version.get() or shared_version()


@contextmanager
def request_version():
    """Pin the version for the time of a request."""
    token = _request_version.set(shared_version())
    try:
        yield
    finally:
        _request_version.reset(token)


# Statements that write; WITH is left out: most are reads, and a read must never renew.
_WRITES = re.compile(r"\s*(?:INSERT|UPDATE|DELETE|REPLACE|TRUNCATE)\b", re.IGNORECASE)


def content_changed(connection):
    """A content table was written on `connection`: a new version now (the same connection's
    next reads already see the change) and again after commit, so that no other request that
    read the old rows while the transaction was open can keep them under the version it saw."""
    new_version()
    if _request_version.get() is not None:
        _request_version.set(NOT_KEPT)
    if connection.in_atomic_block and not any(
        entry[1] is new_version for entry in connection.run_on_commit
    ):
        connection.on_commit(new_version)


class WriteWatcher:
    """A database execute wrapper that renews the version after each write to a content table.
    The tables are those of the project's content models and their many-to-many tables
    (aict_site.project_apps): a new app's are watched without being named here."""

    def __init__(self):
        self._tables = None

    def tables(self):
        if self._tables is None:
            from aict_site.project_apps import content_models

            names = set()
            for model in content_models():
                names.add(model._meta.db_table)
                for field in model._meta.local_many_to_many:
                    names.add(field.remote_field.through._meta.db_table)
            alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
            self._tables = re.compile(rf"(?<![\w]){alternatives}(?![\w])", re.IGNORECASE)
        return self._tables

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if _WRITES.match(sql) and self.tables().search(sql):
            content_changed(context["connection"])
        return result


watcher = WriteWatcher()


def _watch(sender, connection, **kwargs):
    if watcher not in connection.execute_wrappers:
        connection.execute_wrappers.append(watcher)


def watch_writes():
    """Called once when the apps are ready: every database connection opened from then on."""
    connection_created.connect(_watch, dispatch_uid="aict_site.caching.watch_writes")

"""The admin home's dashboard: what came in, what needs doing, and what the public site still
lacks before launch (the readiness checklist, also `manage.py readiness` and a deployment
check).

The core names no app: each app says its part in its own `dashboard.py`, with an `activity()`
function (what came in or is coming up) and a `readiness()` function (facts the site lacks),
each returning `Entry` items. Visitors' records (`Notified` models) are counted here, since
they all share the same notification fields.
"""

from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from urllib.parse import urlencode, urlsplit

from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.db import DatabaseError
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .notifying import Notified
from .project_apps import project_app_configs, visitor_record_models


@dataclass(frozen=True)
class Entry:
    text: str
    url: str = ""
    # Readiness: the public site must not open while this is missing.
    blocks_launch: bool = False
    # Shown in red: something staff are not told of, or a visitor not answered.
    alarm: bool = False


def change_url(obj):
    return reverse(admin_urlname(obj._meta, "change"), args=[obj.pk])


def list_url(model, query=""):
    url = reverse(admin_urlname(model._meta, "changelist"))
    return f"{url}?{query}" if query else url


def can_open(request, url):
    """Whether the account may open this admin address: the dashboard shows each role what
    it can act on, and no link that ends on « Accès refusé »."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return True
    for model, model_admin in admin.site._registry.items():
        if (match.url_name or "").startswith(f"{model._meta.app_label}_{model._meta.model_name}_"):
            return model_admin.has_view_or_change_permission(request)
    return True


def _app_parts():
    for config in project_app_configs():
        if module_has_submodule(config.module, "dashboard"):
            yield import_module(f"{config.name}.dashboard")


def activity():
    entries = _visitor_records()
    for part in _app_parts():
        if hasattr(part, "activity"):
            entries.extend(part.activity())
    return entries


def readiness():
    """What the public site lacks, launch blockers first."""
    entries = [
        entry for part in _app_parts() if hasattr(part, "readiness") for entry in part.readiness()
    ]
    return sorted(entries, key=lambda entry: not entry.blocks_launch)


def launch_blockers():
    """The readiness entries that block launch, or None when the database cannot answer
    (not migrated yet): a deployment check must not crash `manage.py check`."""
    try:
        return [entry for entry in readiness() if entry.blocks_launch]
    except DatabaseError:
        return None


def _visitor_records():
    """New records since yesterday, and notifications still to send, for each kind."""
    since = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    since -= timedelta(days=1)
    entries = []
    for model in visitor_record_models():
        if not admin.site.is_registered(model):
            continue  # a record staff do not list (what was sent to a subscriber)
        name = capfirst(model._meta.verbose_name_plural)
        count_new = getattr(model, "count_new", None)
        if count_new:
            new = count_new()
            if new:
                text = ngettext(
                    "%(name)s: %(count)s new, not yet handled",
                    "%(name)s: %(count)s new, not yet handled",
                    new,
                ) % {"name": name, "count": new}
                entries.append(Entry(text, list_url(model, "status__exact=new")))
        recent = model.objects.filter(created_at__gte=since).count()
        if recent:
            text = _("%(name)s: %(count)s since yesterday") % {"name": name, "count": recent}
            query = urlencode({"created_at__gte": str(since)})  # as the admin's date filter
            entries.append(Entry(text, list_url(model, query)))
        unsent = issubclass(model, Notified) and model.objects.filter(notified_at=None).count()
        if unsent:
            text = ngettext(
                "%(name)s: %(count)s notification to the team not sent yet",
                "%(name)s: %(count)s notifications to the team not sent yet",
                unsent,
            ) % {
                "name": name,
                "count": unsent,
            }
            entries.append(Entry(text, list_url(model, "notified=no"), alarm=True))
    return entries

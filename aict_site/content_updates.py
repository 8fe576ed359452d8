"""Helpers for data migrations that correct the initial content in databases that already
hold it: a value is replaced only where the database still holds the old one, so an edit
made by staff is never overwritten."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings


def snapshots(migration_file, name):
    """The content before and after a correction, kept as JSON files beside the migration
    (content/<name>-old.json and -new.json), so that later edits to the fixtures do not change
    what an old migration does."""
    folder = Path(migration_file).resolve().parent / "content"
    return tuple(
        json.loads((folder / f"{name}-{which}.json").read_text(encoding="utf-8"))
        for which in ("old", "new")
    )


def update_unchanged(obj, old, new, fields):
    """Set each of `fields` from `new` where `obj` still holds the value from `old`; save the
    changed fields and return their names."""
    changed = [
        field
        for field in fields
        if field in new
        and new.get(field) != old.get(field)
        and getattr(obj, field) == old.get(field)
    ]
    for field in changed:
        setattr(obj, field, new[field])
    if changed:
        obj.save(update_fields=changed)
    return changed


def update_set_unchanged(manager, key, old_values, new_values, model):
    """Replace a many-to-many set by `new_values` (looked up on `model` by `key`) where it is
    still exactly `old_values`."""
    current = set(manager.values_list(key, flat=True))
    if current == set(old_values) and set(old_values) != set(new_values):
        manager.set(model.objects.filter(**{f"{key}__in": new_values}))
        return True
    return False


def paris(text, at):
    """The aware datetime of an ISO day (`YYYY-MM-DD`) at the time `at`, in the site's time
    zone; None for an empty day (a source that gives no date)."""
    if not text:
        return None
    day = datetime.strptime(text, "%Y-%m-%d").date()
    return datetime.combine(day, at, tzinfo=ZoneInfo(settings.TIME_ZONE))

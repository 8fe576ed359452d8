"""Two versions of a record side by side, for the admin's history: the fields that differ,
words removed and added marked, and the rows the record owned in each (its calls, its former
addresses). Written on difflib rather than django-reversion-compare, which is GPL-3.0 and
brings the `rich` console library to the server for this one page."""

import difflib

from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from .revisions import record_versions

# Fields that change on every save and say nothing staff wrote.
SKIPPED = (models.AutoField, models.BigAutoField, models.UUIDField)


def marked_difference(old, new):
    """(old, new) as HTML: the words only in the old text in <del>, only in the new in <ins>."""
    old_words, new_words = str(old).split(" "), str(new).split(" ")
    before, after = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        old_part, new_part = " ".join(old_words[a1:a2]), " ".join(new_words[b1:b2])
        if tag == "equal":
            before.append(format_html("{}", old_part))
            after.append(format_html("{}", new_part))
            continue
        if old_part:
            before.append(format_html("<del>{}</del>", old_part))
        if new_part:
            after.append(format_html("<ins>{}</ins>", new_part))
    return tuple(
        format_html_join(" ", "{}", ((piece,) for piece in side)) for side in (before, after)
    )


def shown(field, value):
    """A stored value as staff read it: choice labels, related records' names, yes/no."""
    if value in (None, ""):
        return "—"
    if field.many_to_many:
        related = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(item) for item in related)) or "—"
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else _("(deleted record)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    return str(value)


def owned_rows(version):
    return sorted(
        f"{v._model._meta.verbose_name} « {v.object_repr} »" for v in record_versions(version)[1:]
    )


def compare(model, old, new):
    """Rows (label, old HTML, new HTML) for each field that differs, plus owned rows."""
    rows = []
    old_values, new_values = old.field_dict, new.field_dict
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if isinstance(field, SKIPPED) or getattr(field, "auto_now", False):
            continue
        key = field.attname
        before, after = old_values.get(key), new_values.get(key)
        if field.many_to_many:
            before, after = sorted(before or []), sorted(after or [])
        if before == after:
            continue
        rows.append(
            (field.verbose_name, *marked_difference(shown(field, before), shown(field, after)))
        )
    old_rows, new_rows = owned_rows(old), owned_rows(new)
    if old_rows != new_rows:
        rows.append(
            (
                _("rows of this record"),
                *marked_difference(" · ".join(old_rows) or "—", " · ".join(new_rows) or "—"),
            )
        )
    return rows

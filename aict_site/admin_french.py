"""What every page of the admin needs to read in French, mixed into every ModelAdmin the site
registers (aict_site.admin_site.SiteAdmin.register).

Histories: Django writes the labels of the changed fields into each history
entry in English and translates them when the entry is shown — but it writes the form's
label (« Short title in the menu ») while the catalogue holds the field's name (« short title
in the menu »), so the history kept the English. Here the entry keeps the field's name, which
the catalogue translates (« Modifié : titre court dans le menu. »)."""

from django.apps import apps
from django.contrib.admin.utils import construct_change_message
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import override


def _names(form):
    """{English label: English field name} for the changed fields of a model form."""
    names = {}
    model = getattr(getattr(form, "_meta", None), "model", None)
    for field_name in form.changed_data:
        field = form.fields.get(field_name)
        if field is None or model is None:
            continue
        try:
            verbose = model._meta.get_field(field_name).verbose_name
        except FieldDoesNotExist:  # a form field of its own
            continue
        with override(None):
            names[str(field.label)] = str(verbose)
    return names


def translatable_change_message(form, formsets, add):
    message = construct_change_message(form, formsets, add)
    names = _names(form)
    for formset in formsets or ():
        for changed_form in formset.forms:
            names |= _names(changed_form)
    for entry in message:
        for detail in entry.values():
            if "fields" in detail:
                detail["fields"] = [names.get(label, label) for label in detail["fields"]]
    return message


def _without(rows, prefixes):
    """Django's nested list of what a deletion removes, without the rows that start with one
    of `prefixes`."""
    kept = []
    for row in rows:
        if isinstance(row, list):
            kept.append(_without(row, prefixes))
        elif not str(row).startswith(prefixes):
            kept.append(row)
    return kept


class FrenchAdminMixin:
    def construct_change_message(self, request, form, formsets, add=False):
        return translatable_change_message(form, formsets, add)

    def get_deleted_objects(self, objs, request):
        """The confirmation before a deletion leaves out the link rows of many-to-many fields
        (« Relation scheme-theme: Scheme_themes object (1) »): they are not something staff
        made, and go with the record."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = [
            m._meta for m in apps.get_models(include_auto_created=True) if m._meta.auto_created
        ]
        prefixes = tuple(f"{capfirst(opts.verbose_name)}: " for opts in links)
        plurals = {str(opts.verbose_name_plural) for opts in links}
        counts = {name: count for name, count in counts.items() if str(name) not in plurals}
        return _without(deleted, prefixes), counts, perms_needed, protected

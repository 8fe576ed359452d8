"""A finder's filter on a vocabulary (theme, country, type of authority) whose chosen record is
looked up in the worker's memory: validating `?theme=jeunesse&pays=SN` took a query per
filter on every miss of the page cache, for records that change only when staff edit them.
"""

import django_filters
from django.core.exceptions import ValidationError
from django_filters.fields import ModelChoiceField

from .memory import remembered

# What `remembered` keeps for a value no record has: remembered too, so that a mistyped or
# forged address costs no query either.
_NONE = "none"


class KeptModelChoiceField(ModelChoiceField):
    """The record a value names, kept per content version and value. Only over a whole table
    (a queryset without conditions): the kept answer is then the same for every finder."""

    def to_python(self, value):
        if (
            value in self.empty_values
            or not isinstance(value, str)
            or self.null_label is not None
            or self.queryset.query.where
        ):
            return super().to_python(value)
        self.validate_no_null_characters(value)
        found = remembered(
            look_up, self.queryset.model._meta.label, self.to_field_name or "pk", value
        )
        if found == _NONE:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found


def look_up(label, field_name, value):
    """The record of model `label` whose `field_name` is `value`, or _NONE."""
    from django.apps import apps

    try:
        return apps.get_model(label).objects.filter(**{field_name: value}).first() or _NONE
    except (ValueError, TypeError, ValidationError):
        return _NONE


class KeptModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = KeptModelChoiceField

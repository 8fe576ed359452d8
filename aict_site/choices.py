"""A finder's filter on a vocabulary (theme, country, type of authority) whose chosen record is
looked up in the worker's memory: validating `?theme=jeunesse&pays=SN` took a query per
filter on every miss of the page cache, for records that change only when staff edit them.
"""

import hashlib

import django_filters
from django.core.exceptions import ValidationError
from django_filters.fields import ModelChoiceField

from .pagecache import remembered

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
        model = self.queryset.model._meta.label
        # Hashed: a key of fixed length, whatever a visitor typed.
        digest = hashlib.sha256(value.encode()).hexdigest()
        found = remembered(
            f"choice:{model}:{self.to_field_name or 'pk'}:{digest}", lambda: self.look_up(value)
        )
        if found == _NONE:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found

    def look_up(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            return _NONE


class KeptModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = KeptModelChoiceField

import django_filters
from django.utils.translation import gettext_lazy as _

from reference.models import Theme

from .models import Resource


class ResourceFilter(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=Resource.Kind.choices,
        field_name="kind",
        empty_label=_("All kinds"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        field_name="themes",
        empty_label=_("All themes"),
    )

    class Meta:
        model = Resource
        fields = []

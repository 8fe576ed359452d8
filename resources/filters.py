import django_filters
from django.utils.translation import gettext_lazy as _

from reference.filters import theme_filter

from .models import Resource


class ResourceFilter(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=Resource.Kind.choices,
        field_name="kind",
        empty_label=_("All kinds"),
    )
    theme = theme_filter(field_name="themes")

    class Meta:
        model = Resource
        fields = []

import django_filters
from django.utils.translation import gettext_lazy as _

from reference.models import Theme

from .models import NewsItem


class NewsFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        field_name="themes",
        empty_label=_("All themes"),
    )

    class Meta:
        model = NewsItem
        fields = []

import django_filters

from reference.filters import theme_filter

from .models import NewsItem


class NewsFilter(django_filters.FilterSet):
    theme = theme_filter(field_name="themes")

    class Meta:
        model = NewsItem
        fields = []

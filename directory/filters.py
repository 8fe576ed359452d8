import django_filters
from django.utils.translation import gettext_lazy as _

from aict_site.caching.choices import KeptModelChoiceFilter
from reference.filters import theme_filter
from reference.models import AuthorityType, Country, Departement, Theme

from .models import Authority


class AuthorityFilter(django_filters.FilterSet):
    type = KeptModelChoiceFilter(
        label=_("Authority type"),
        field_name="kind",
        queryset=AuthorityType.objects.all(),
        empty_label=_("All types"),
    )
    departement = KeptModelChoiceFilter(
        label=_("Département"),
        queryset=Departement.objects.all(),
        to_field_name="code",
        empty_label=_("All départements"),
    )
    pays = KeptModelChoiceFilter(
        label=_("Partner country"),
        queryset=None,
        to_field_name="code",
        method="filter_country",
        empty_label=_("All countries"),
    )
    theme = theme_filter(queryset=None, method="filter_theme")

    class Meta:
        model = Authority
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name, queryset in (("pays", Country.objects.all()), ("theme", Theme.objects.all())):
            self.filters[name].queryset = queryset
            self.form.fields[name].queryset = queryset

    def filter_country(self, queryset, name, value):
        return queryset.filter(cooperations__country=value).distinct()

    def filter_theme(self, queryset, name, value):
        return queryset.filter(cooperations__themes=value).distinct()

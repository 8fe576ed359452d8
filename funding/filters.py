"""The finder: which schemes fit an authority, a theme, a partner country, and what is open now."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aict_site.caching.choices import KeptModelChoiceFilter
from reference.filters import theme_filter
from reference.models import AuthorityType, Country

from .models import Call, Scheme

MAX_VALUE_LENGTH = 100


class RawCheckbox(forms.CheckboxInput):
    """A checkbox sending "1", whose raw value is validated like any choice (so "banana" is not
    taken for yes)."""

    def __init__(self, attrs=None):
        super().__init__({"value": "1", **(attrs or {})}, check_test=lambda value: value == "1")

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class SchemeFilter(django_filters.FilterSet):
    collectivite = KeptModelChoiceFilter(
        label=_("Your authority"),
        queryset=None,
        method="filter_authority_type",
        empty_label=_("All types"),
    )
    theme = theme_filter(method="filter_theme")
    pays = KeptModelChoiceFilter(
        label=_("Partner country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        method="filter_country",
        empty_label=_("All countries"),
    )
    ouvert = django_filters.ChoiceFilter(
        label=_("Only the calls open today"),
        choices=[("1", _("yes"))],
        method="filter_open",
        widget=RawCheckbox,
    )

    class Meta:
        model = Scheme
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["collectivite"].queryset = AuthorityType.objects.all()
        self.form.fields["collectivite"].queryset = AuthorityType.objects.all()

    def filter_authority_type(self, queryset, name, value):
        # A scheme whose source names no authority type is shown to every type.
        return queryset.filter(
            Q(eligible_authority_types=value) | Q(eligible_authority_types__isnull=True)
        ).distinct()

    def filter_theme(self, queryset, name, value):
        # A scheme whose source names no theme is open to every theme.
        return queryset.filter(Q(themes=value) | Q(themes__isnull=True)).distinct()

    def filter_country(self, queryset, name, value):
        return queryset.open_to_country(value)

    def filter_open(self, queryset, name, value):
        if value != "1":
            return queryset
        now = timezone.now()
        open_calls = Call.objects.published().open_at(now).filter(scheme=OuterRef("pk"))
        return queryset.filter(Exists(open_calls))


def clean_params(query_dict):
    """The finder's parameters, with anything unknown, malformed or oversized set aside."""
    known = set(SchemeFilter.base_filters)
    data = {}
    ignored = []
    for key in query_dict:
        value = query_dict.get(key, "")
        if key not in known:
            ignored.append(key[:30])
        elif len(value) > MAX_VALUE_LENGTH:
            ignored.append(key)
        elif value:
            data[key] = value
    return data, ignored

"""The finders' shared field: every list that narrows by theme (funding, directory, news,
resources) takes it by its address, the same way, so a link carries from one to another."""

from django.utils.translation import gettext_lazy as _

from aict_site.caching.choices import KeptModelChoiceFilter

from .models import Theme


def theme_filter(**kwargs):
    kwargs.setdefault("queryset", Theme.objects.all())
    return KeptModelChoiceFilter(
        label=_("Theme"), to_field_name="slug", empty_label=_("All themes"), **kwargs
    )

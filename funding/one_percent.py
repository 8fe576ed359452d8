"""The « 1 % » calculator: the most an authority may devote to international solidarity from
the budget of a service (water and sanitation, energy, waste, mobility), computed on the server
so that it works without JavaScript."""

import re
from decimal import ROUND_DOWN, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Scheme

RATE = Decimal("0.01")
LARGEST = Decimal("100000000000")  # €100 bn: more than any service's budget


class EurosField(forms.DecimalField):
    """An amount as people type it: « 250 000 », « 250000,50 », « 1 200 000 € »."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s\u00a0\u202f€]", "", value).replace(",", ".")
        return super().to_python(value)


class OnePercentForm(forms.Form):
    levier = forms.ChoiceField(label=_("Service"))
    budget = EurosField(
        label=_("Annual resources of the service, in euros"),
        min_value=0,
        max_value=LARGEST,
        decimal_places=2,
        # Text, not number: a number field refuses « 250 000 » as people write it.
        widget=forms.TextInput,
        error_messages={
            "invalid": _("Give an amount in euros, for example 250000 or 250 000,50."),
            "min_value": _("An amount cannot be negative."),
            "max_value": _("This amount is larger than any service's budget."),
            "max_decimal_places": _("Give an amount to the cent at most."),
            "required": _("Give the service's annual resources."),
        },
    )

    def __init__(self, levers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["levier"].choices = [(scheme.slug, scheme.title) for scheme in levers]
        self.fields["budget"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def ceiling(self):
        """1 % of the resources, to the cent below."""
        return (self.cleaned_data["budget"] * RATE).quantize(Decimal("0.01"), ROUND_DOWN)


def levers():
    """The « 1 % » schemes: the legal schemes of the funding pages."""
    return list(
        Scheme.objects.published()
        .filter(kind=Scheme.Kind.LEGAL)
        .prefetch_related("eligible_authority_types")
        .order_by("position", "title")
    )

"""The « 1 % » levers of one authority and their calculator: the most it may devote to
international solidarity from the budget of a service it holds, computed on the server so that
it works without JavaScript.

Water and sanitation are two budgets, each with its own ceiling (pS-Eau, « Questions
fréquemment posées sur la loi Oudin-Santini »: no « vases communicants »); mobility's base
leaves out the versement mobilité (article L1115-3 of the CGCT).
"""

import re
from decimal import ROUND_DOWN, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from reference.competences import holdings

from .models import Scheme

RATE = Decimal("0.01")
LARGEST = Decimal("100000000000")  # €100 bn: more than any service's budget
MOBILITY = "mobilite"
# The lever (a legal scheme of the funding pages) each service draws on.
LEVER_SLUGS = {
    "eau": "1-pourcent-eau-assainissement",
    "assainissement": "1-pourcent-eau-assainissement",
    "energie": "1-pourcent-energie",
    "dechets": "1-pourcent-dechets",
    MOBILITY: "1-pourcent-mobilite",
}
AMOUNT_ERRORS = {
    "invalid": _("Give an amount in euros, for example 250000 or 250 000,50."),
    "min_value": _("An amount cannot be negative."),
    "max_value": _("This amount is larger than any service's budget."),
    "max_decimal_places": _("Give an amount to the cent at most."),
}


class EurosField(forms.DecimalField):
    """An amount as people type it: « 250 000 », « 250000,50 », « 1 200 000 € »."""

    def __init__(self, **kwargs):
        super().__init__(
            min_value=0,
            max_value=LARGEST,
            decimal_places=2,
            # Text, not number: a number field refuses « 250 000 » as people write it.
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s\u00a0\u202f€]", "", value).replace(",", ".")
        return super().to_python(value)


class OnePercentForm(forms.Form):
    levier = forms.ChoiceField(label=_("Service"))
    budget = EurosField(
        label=_("Annual resources of the service's budget, in euros"),
        error_messages={**AMOUNT_ERRORS, "required": _("Give the service's annual resources.")},
    )
    versement = EurosField(
        label=_("Of which versement mobilité, in euros (mobility only)"),
        required=False,
        error_messages=AMOUNT_ERRORS,
    )

    def __init__(self, services, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.services = {service.key: service for service in services}
        self.fields["levier"].choices = [(s.key, s.name) for s in services]
        if MOBILITY not in self.services:
            del self.fields["versement"]

    def clean(self):
        data = super().clean()
        versement = data.get("versement")
        if versement and data.get("levier") != MOBILITY:
            self.add_error("versement", _("The versement mobilité only concerns mobility."))
        elif versement and data.get("budget") is not None and versement > data["budget"]:
            self.add_error("versement", _("The versement mobilité cannot exceed the resources."))
        return data

    def base(self):
        """The resources the ceiling applies to: mobility's without the versement."""
        return self.cleaned_data["budget"] - (self.cleaned_data.get("versement") or 0)

    def ceiling(self):
        """1 % of the base, to the cent below."""
        return (self.base() * RATE).quantize(Decimal("0.01"), ROUND_DOWN)

    def service(self):
        return self.services[self.cleaned_data["levier"]]


def levers():
    """The « 1 % » schemes: the legal schemes of the funding pages."""
    return list(
        Scheme.objects.published().filter(kind=Scheme.Kind.LEGAL).order_by("position", "title")
    )


def services_of(territory):
    """The territory's services (reference.competences), each with its lever when published."""
    services = holdings(territory)
    if not services:
        return []
    by_slug = {lever.slug: lever for lever in levers()}
    for service in services:
        service.lever = by_slug.get(LEVER_SLUGS.get(service.key))
    return services

"""The site's form renderer writes lists of choices in Python: to the byte what Django's own
templates write, for every kind of list the site's forms and the admin use."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from aict_site.formrenderer import SiteFormRenderer

CHOICES = [
    ("", "Tous"),
    ("a", "Eau & assainissement"),
    (3, "Jeunesse"),
    ("Continents", [("af", "Afrique <de l’Ouest>"), ("as", mark_safe("<b>Asie</b>"))]),
]


class Everything(forms.Form):
    one = forms.ChoiceField(choices=CHOICES, required=False)
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    boxes = forms.MultipleChoiceField(
        choices=CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    radio = forms.ChoiceField(choices=CHOICES, required=False, widget=forms.RadioSelect)
    plain = forms.ChoiceField(
        choices=CHOICES[:3],
        required=False,
        widget=forms.Select(attrs={"class": "wide", "aria-describedby": "x", "disabled": True}),
    )
    classed = forms.MultipleChoiceField(
        choices=CHOICES[:3],
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "columns"}),
    )


@pytest.mark.parametrize(
    "data",
    [None, {"one": "3", "many": ["a", "af"], "boxes": ["as", "3"], "radio": "af", "plain": "a"}],
)
@pytest.mark.parametrize("name", list(Everything.base_fields))
def test_a_list_of_choices_is_written_as_django_writes_it(name, data):
    ours = Everything(data=data, renderer=SiteFormRenderer())[name].as_widget()
    django = Everything(data=data, renderer=DjangoTemplates())[name].as_widget()
    assert ours == django


def test_the_site_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), SiteFormRenderer)

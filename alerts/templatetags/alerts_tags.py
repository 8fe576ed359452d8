from django import template
from django.utils.http import urlencode

from aict_site.fragments import cached_inclusion_tag

register = template.Library()


def prefilled_values(form):
    """What an unfilled form's rendering depends on: the values a link prefilled."""
    return urlencode(sorted(form.initial.items()), doseq=True)


@cached_inclusion_tag(register, "alerts/_subscribe_fields.html", vary=prefilled_values)
def blank_subscribe_fields(context, form):
    """The subscription form's fields before anything is typed: the same for everyone who
    follows the same link (its signed timestamp is rendered outside them)."""
    return {"form": form}

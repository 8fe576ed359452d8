from django import template

from aict_site.fragments import cached_inclusion_tag
from contacts.models import Office, Partner, Person

register = template.Library()


def _offices(context):
    """The published offices, read once per request for the contact card and the footer."""
    request = context.get("request")
    offices = getattr(request, "_published_offices", None)
    if offices is None:
        offices = list(Office.objects.published())
        if request is not None:
            request._published_offices = offices
    return offices


@cached_inclusion_tag(register, "contacts/contact_card.html")
def contact_card(context, heading_level=2):
    """The person to call and the offices, for any page that wants them."""
    return {
        "people": list(Person.objects.published().filter(is_main_contact=True)),
        "offices": _offices(context),
        "level": heading_level,
        "sublevel": heading_level + 1,
    }


@register.inclusion_tag("contacts/footer_offices.html", takes_context=True)
def footer_offices(context):
    return {"offices": _offices(context)}


@register.inclusion_tag("contacts/footer_partners.html")
def footer_partners():
    return {"partners": list(Partner.objects.published().only("name", "url", "position"))}

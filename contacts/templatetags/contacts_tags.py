from django import template

from contacts.models import Office, Partner, Person

register = template.Library()


@register.inclusion_tag("contacts/contact_card.html")
def contact_card(heading_level=2):
    """The person to call and the offices, for any page that wants them."""
    return {
        "people": list(Person.objects.published().filter(is_main_contact=True)),
        "offices": list(Office.objects.published()),
        "level": heading_level,
        "sublevel": heading_level + 1,
    }


@register.inclusion_tag("contacts/footer_offices.html")
def footer_offices():
    return {"offices": list(Office.objects.published())}


@register.inclusion_tag("contacts/footer_partners.html")
def footer_partners():
    return {"partners": list(Partner.objects.published().only("name", "url", "position"))}

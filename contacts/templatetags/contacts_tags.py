from django import template

from aict_site.caching.fragments import cached_inclusion_tag
from aict_site.caching.memory import remembered
from contacts.models import Office, Partner, Person

register = template.Library()


def published_offices():
    return list(Office.objects.published())


def _offices():
    # Read once for the footer, the office towns and the contact page.
    return remembered(published_offices)


@cached_inclusion_tag(register, "contacts/_contact_card.html")
def contact_card(heading_level=2):
    """The person to call, for any page where a decision is made; the offices are in every
    page's footer."""
    return {
        "people": list(Person.objects.published().filter(is_main_contact=True)),
        "level": heading_level,
    }


@cached_inclusion_tag(register, "contacts/_whom_to_call.html")
def whom_to_call():
    """The contact page's people and offices, every one published, with their details."""
    return {"people": list(Person.objects.published()), "offices": _offices()}


@cached_inclusion_tag(register, "contacts/_contact_fields.html", clock=True)
def blank_contact_fields(form):
    """The contact form's fields, unfilled: the same for everyone (its signed timestamp is
    rendered outside them)."""
    return {"form": form}


@cached_inclusion_tag(register, "contacts/_footer_offices.html")
def footer_offices():
    return {"offices": _offices()}


@cached_inclusion_tag(register, "contacts/_office_towns.html")
def office_towns():
    """« Nos bureaux : Lille · Amiens », each town linking to its office's address."""
    return {"offices": _offices()}


@cached_inclusion_tag(register, "contacts/_home_partners.html")
def home_partners():
    """The partners, with their logos when staff have uploaded them, for the home page."""
    return {"partners": list(Partner.objects.published())}


@cached_inclusion_tag(register, "contacts/_office_for.html")
def office_for(departement_id=None, heading_level=2):
    """Whom an authority calls: the office serving its département (every office for the
    Région, or when none serves it), with the network's main contact."""
    offices = Office.objects.published().prefetch_related("departements")
    serving = [o for o in offices if departement_id in {d.pk for d in o.departements.all()}]
    return {
        "offices": serving or list(offices),
        "serves": bool(serving),
        "people": list(Person.objects.published().filter(is_main_contact=True)),
        "level": heading_level,
    }

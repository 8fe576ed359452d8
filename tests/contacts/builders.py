from django.utils.text import slugify

from aict_site.publicforms import timestamp
from contacts.models import ContactSubject
from reference.models import Departement


def shown_seconds_ago(seconds=30):
    return timestamp("contact", seconds)


def contact_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "camille.martin@mairie-exemple.fr",
        "organisation": "Mairie d’Exemple-sur-Somme",
        "authority_type": "",
        "departement": "",
        "message": "Bonjour, notre commune souhaite monter un jumelage. Quels financements ?",
        "website": "",
        "shown_at": shown_seconds_ago(),
    }
    data.update(overrides)
    if "subject" not in data:
        data["subject"] = str(ContactSubject.objects.get(name="Question sur un financement").pk)
    return data


def departement(code):
    return str(Departement.objects.get(code=code).pk)


def make_contact_request(name="Camille Martin", **fields):
    """A request as the form stores it, without going through the form."""
    from contacts.models import ContactRequest

    fields.setdefault("email", f"{slugify(name)}@mairie-exemple.fr")
    fields.setdefault("organisation", "Mairie d’Exemple-sur-Somme")
    fields.setdefault("message", "Bonjour")
    fields.setdefault("subject", ContactSubject.objects.first())
    return ContactRequest.objects.create(name=name, **fields)

"""The people, offices and partners named in the client's copy, and the form's choices.

Each kind of record is loaded only while its table is empty, so staff edits are kept.
"""

import json
from pathlib import Path

from reference.models import Departement

from .models import ContactSubject, Office, Partner, Person

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_contacts.json"


def load():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    created = 0
    if not Person.objects.exists():
        for fields in data["people"]:
            Person.objects.create(is_published=True, **fields)
            created += 1
    if not Office.objects.exists():
        for position, fields in enumerate(data["offices"], start=1):
            codes = fields.pop("departements")
            office = Office.objects.create(is_published=True, position=position, **fields)
            office.departements.set(Departement.objects.filter(code__in=codes))
            created += 1
    if not Partner.objects.exists():
        for position, fields in enumerate(data["partners"], start=1):
            Partner.objects.create(is_published=True, position=position, **fields)
            created += 1
    if not ContactSubject.objects.exists():
        for position, fields in enumerate(data["subjects"], start=1):
            ContactSubject.objects.create(position=position, is_published=True, **fields)
            created += 1
    return created

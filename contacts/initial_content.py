"""The people, offices and partners named in the client's copy."""

import json
from pathlib import Path

from .models import Office, Partner, Person

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_contacts.json"


def load():
    if Office.objects.exists() or Person.objects.exists() or Partner.objects.exists():
        return 0
    data = json.loads(DATA.read_text(encoding="utf-8"))
    records = [
        *(Person(is_published=True, **fields) for fields in data["people"]),
        *(
            Office(is_published=True, position=position, **fields)
            for position, fields in enumerate(data["offices"], start=1)
        ),
        *(
            Partner(is_published=True, position=position, name=name)
            for position, name in enumerate(data["partners"], start=1)
        ),
    ]
    for record in records:
        record.save()
    return len(records)

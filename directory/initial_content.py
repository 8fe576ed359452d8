"""The authorities the client names among its partners; cooperations are left to staff, who
add them from public sources. Loaded only while the directory is empty."""

import json
from pathlib import Path

from django.utils.text import slugify

from reference.models import AuthorityType, Departement

from .models import Authority

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_directory.json"


def load():
    if Authority.objects.exists():
        return 0
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for fields in data["authorities"]:
        Authority.objects.create(
            name=fields["name"],
            slug=slugify(fields["name"]),
            kind=AuthorityType.objects.get(name=fields["kind"]),
            departement=Departement.objects.filter(code=fields["departement"]).first(),
            is_partner=True,
            is_published=True,
        )
    return len(data["authorities"])

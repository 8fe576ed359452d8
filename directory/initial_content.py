"""The authorities the client names among its partners (listed as « partenaires du réseau »),
and the cooperations a public source states (each with its link); staff add the others.
Loaded only while the directory is empty; the model deliberation of « Ma collectivité » only
while there is none."""

import json
from pathlib import Path

from django.utils.text import slugify

from reference.models import AuthorityType, Country, Departement, Theme

from .models import Authority, Cooperation, DeliberationModel

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_directory.json"


def load():
    created = 0
    if not DeliberationModel.objects.exists():
        DeliberationModel.current()
        created += 1
    if Authority.objects.exists():
        return created
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for fields in data["authorities"]:
        Authority.objects.create(
            name=fields["name"],
            slug=slugify(fields["name"]),
            kind=AuthorityType.objects.get(name=fields["kind"]),
            departement=Departement.objects.filter(code=fields["departement"]).first(),
            # The SIREN or INSEE code the official data gives for the same name.
            code=fields.get("code", ""),
            is_partner=True,
            is_published=True,
        )
    for fields in data["cooperations"]:
        fields = dict(fields)
        themes = fields.pop("themes")
        cooperation = Cooperation.objects.create(
            authority=Authority.objects.get(name=fields.pop("authority")),
            country=Country.objects.get(code=fields.pop("country")),
            **fields,
        )
        cooperation.themes.set(Theme.objects.filter(slug__in=themes))
    return created + len(data["authorities"]) + len(data["cooperations"])

"""Authority types (client's copy), themes and partner countries (sourced facts).

Départements come with the migrations: they are fixed by law, not edited by staff. Each list
is loaded only while its table is empty, so staff edits are kept.
"""

import json
from pathlib import Path

from .models import AuthorityType, Country, CountryGroup, Level, Theme

# The client's types that are a level of the official data (« Ma collectivité »).
LEVELS = {
    "Commune": Level.COMMUNE,
    "Intercommunalité": Level.EPCI,
    "Département": Level.DEPARTEMENT,
    "Région": Level.REGION,
}
DATA = Path(__file__).resolve().parent / "fixtures" / "initial_reference.json"


def load():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    created = 0
    if not AuthorityType.objects.exists():
        for position, name in enumerate(data["authority_types"], start=1):
            AuthorityType.objects.create(name=name, position=position, level=LEVELS.get(name, ""))
            created += 1
    if not Theme.objects.exists():
        for position, (name, slug) in enumerate(data["themes"], start=1):
            Theme.objects.create(name=name, slug=slug, position=position)
            created += 1
    if not Country.objects.exists():
        for code, name in data["countries"]:
            Country.objects.create(code=code, name=name)
            created += 1
    if not CountryGroup.objects.exists():
        for fields in data["country_groups"]:
            fields = dict(fields)
            codes = fields.pop("countries")
            group = CountryGroup.objects.create(**fields)
            group.countries.set(Country.objects.filter(code__in=codes))
            created += 1
    return created

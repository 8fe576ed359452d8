"""Funders, schemes and past calls: the client's copy and sourced public facts.

Past editions are loaded as closed calls, an archive that shows the usual calendar. Where no
source gives an amount, a rate or a date, the field stays empty. Dates given without a time
close at 23:59, Paris time; their notes say the source gave no time.
"""

import json
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from reference.models import AuthorityType, Country, Theme

from .models import Call, EligibilityItem, Funder, Scheme

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_funding.json"


def paris(day, at):
    if not day:
        return None
    return datetime.combine(
        datetime.strptime(day, "%Y-%m-%d").date(), at, tzinfo=ZoneInfo(settings.TIME_ZONE)
    )


def load():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    created = 0
    if Funder.objects.exists() or Scheme.objects.exists():
        return created
    funders = {}
    for position, fields in enumerate(data["funders"], start=1):
        key = fields.pop("key")
        funders[key] = Funder.objects.create(position=position, **fields)
        created += 1
    for position, fields in enumerate(data["schemes"], start=1):
        fields = dict(fields)
        funder = funders[fields.pop("funder")]
        types, themes, countries = (
            fields.pop("types"),
            fields.pop("themes"),
            fields.pop("countries"),
        )
        checklist, calls = fields.pop("checklist"), fields.pop("calls")
        scheme = Scheme.objects.create(
            funder=funder, position=position, is_published=True, **fields
        )
        scheme.eligible_authority_types.set(AuthorityType.objects.filter(name__in=types))
        scheme.themes.set(Theme.objects.filter(slug__in=themes))
        scheme.countries.set(Country.objects.filter(code__in=countries))
        for item_position, text in enumerate(checklist, start=1):
            EligibilityItem.objects.create(scheme=scheme, text=text, position=item_position)
        for call in calls:
            Call.objects.create(
                scheme=scheme,
                title=call["title"],
                opens_at=paris(call["opens"], time(0, 0)),
                closes_at=paris(call["closes"], time(23, 59)),
                url=call["url"],
                notes=call["notes"],
            )
        created += 1
    return created

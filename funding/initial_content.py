"""Funders, schemes and past calls: the client's copy and sourced public facts.

Past editions are loaded as closed calls, an archive of their real dates. Where no source gives
an amount, a rate or a date, the field stays empty. A date given without an hour closes at the
end of that day, Paris time, and the site shows the date alone (closing_time_given is off).
"""

import json
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from reference.models import AuthorityType, Country, CountryGroup, Theme

from .models import Call, EligibilityItem, Funder, Scheme
from .questions import EligibilityChoice, EligibilityQuestion, create_questions

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = FIXTURES / "initial_funding.json"
# « Préparer ma candidature »'s questions, per scheme, from the schemes' official texts.
QUESTIONS = FIXTURES / "initial_questions.json"


def paris(text, at):
    if not text:
        return None
    return datetime.combine(day(text), at, tzinfo=ZoneInfo(settings.TIME_ZONE))


def day(text):
    return datetime.strptime(text, "%Y-%m-%d").date() if text else None


def closing_time(call):
    """The hour the source gives, else the last minute of the day."""
    if call.get("closes_time"):
        return time.fromisoformat(call["closes_time"])
    return time(23, 59)


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
    # The vocabularies read once; the schemes' links to them written in three bulk inserts.
    vocabularies = {
        "eligible_authority_types": {t.name: t.pk for t in AuthorityType.objects.all()},
        "themes": {t.slug: t.pk for t in Theme.objects.all()},
        "countries": {c.code: c.pk for c in Country.objects.all()},
        "country_groups": {g.name: g.pk for g in CountryGroup.objects.all()},
    }
    links = {name: [] for name in vocabularies}
    for position, fields in enumerate(data["schemes"], start=1):
        fields = dict(fields)
        funder = funders[fields.pop("funder")]
        wanted = {
            "eligible_authority_types": fields.pop("types"),
            "themes": fields.pop("themes"),
            "countries": fields.pop("countries"),
            "country_groups": fields.pop("country_groups", []),
        }
        checklist, calls = fields.pop("checklist"), fields.pop("calls")
        fields["verified_on"] = day(fields.pop("verified_on"))
        scheme = Scheme.objects.create(
            funder=funder, position=position, is_published=True, **fields
        )
        for name, keys in wanted.items():
            links[name] += [(scheme.pk, vocabularies[name][key]) for key in keys]
        for item_position, text in enumerate(checklist, start=1):
            EligibilityItem.objects.create(scheme=scheme, text=text, position=item_position)
        for call in calls:
            Call.objects.create(
                scheme=scheme,
                is_published=True,
                title=call["title"],
                opens_at=paris(call["opens"], time(0, 0)),
                closes_at=paris(call["closes"], closing_time(call)),
                closing_time_given=call.get("closing_time_given", False),
                announced_on=day(call.get("announced_on")),
                url=call["url"],
                notes=call["notes"],
                verified_on=day(call.get("verified_on")),
            )
        created += 1
    for name, pairs in links.items():
        field = Scheme._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs]
        )
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    create_questions(questions, Scheme, EligibilityQuestion, EligibilityChoice)
    return created

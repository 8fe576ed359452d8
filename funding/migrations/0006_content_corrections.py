"""Correct the funding content loaded before 2026-11-28 (issue « Content a mayor can trust »):
sourced official pages, verified dates, real edition dates, applicant types, new schemes.
Only values still equal to the old initial content are replaced; new records are added only
to a database that already holds the initial content (a new one gets them from the
fixtures)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations

from aict_site.content_updates import snapshots, update_set_unchanged, update_unchanged
from aict_site.richtext import plain_text
from aict_site.search import normalize

SCHEME_FIELDS = [
    "title", "kind", "summary", "description", "official_url", "source", "source_url",
    "amount_min", "amount_max", "amount_note", "max_rate",
]  # fmt: skip
FUNDER_FIELDS = ["name", "short_name", "kind", "url", "description"]
# Editions whose label changed with the correction.
RENAMED_CALLS = {
    "Appel à projets triennal 2024-2026": "Appel à projets généraliste 2024-2026",
    "Appel « clés en main » 2024": "Appel « clés en main » 2024-2026",
}


def paris(text, at):
    if not text:
        return None
    day = datetime.strptime(text, "%Y-%m-%d").date()
    return datetime.combine(day, at, tzinfo=ZoneInfo(settings.TIME_ZONE))


def call_values(call):
    closes_at = time.fromisoformat(call["closes_time"]) if call.get("closes_time") else time(23, 59)
    return {
        "title": call["title"],
        "opens_at": paris(call["opens"], time(0, 0)),
        "closes_at": paris(call["closes"], closes_at),
        "url": call["url"],
        "notes": call["notes"],
        "closing_time_given": call.get("closing_time_given", False),
        "announced_on": date.fromisoformat(call["announced_on"])
        if call.get("announced_on")
        else None,
        "verified_on": date.fromisoformat(call["verified_on"]) if call.get("verified_on") else None,
    }


def correct(apps, schema_editor):
    Funder = apps.get_model("funding", "Funder")
    Scheme = apps.get_model("funding", "Scheme")
    Call = apps.get_model("funding", "Call")
    EligibilityItem = apps.get_model("funding", "EligibilityItem")
    AuthorityType = apps.get_model("reference", "AuthorityType")
    Theme = apps.get_model("reference", "Theme")
    Country = apps.get_model("reference", "Country")
    if not Scheme.objects.filter(slug="appel-a-projets-generaliste-dctciv").exists():
        return  # the initial content was never loaded: the fixtures will bring the new one
    old, new = snapshots(__file__, "corrections-2026-11-28")
    old_funders = {f["key"]: f for f in old["funders"]}
    funders = {}
    for position, fields in enumerate(new["funders"], start=1):
        before = old_funders.get(fields["key"])
        found = Funder.objects.filter(name=(before or fields)["name"]).first()
        if found is None:
            found = Funder.objects.create(
                position=position, **{f: fields[f] for f in FUNDER_FIELDS}
            )
        elif before:
            update_unchanged(found, before, fields, FUNDER_FIELDS)
        funders[fields["key"]] = found
    old_schemes = {s["slug"]: s for s in old["schemes"]}
    for position, fields in enumerate(new["schemes"], start=1):
        verified = date.fromisoformat(fields["verified_on"])
        scheme = Scheme.objects.filter(slug=fields["slug"]).first()
        before = old_schemes.get(fields["slug"])
        if scheme is None:
            scheme = Scheme.objects.create(
                funder=funders[fields["funder"]], slug=fields["slug"], position=position,
                is_published=True, verified_on=verified,
                **{f: fields.get(f) or ("" if f not in ("amount_min", "amount_max", "max_rate")
                                        else None) for f in SCHEME_FIELDS},
            )  # fmt: skip
            before = {"types": [], "themes": [], "countries": [], "checklist": [], "calls": []}
            scheme.eligible_authority_types.set(
                AuthorityType.objects.filter(name__in=fields["types"])
            )
            scheme.themes.set(Theme.objects.filter(slug__in=fields["themes"]))
            scheme.countries.set(Country.objects.filter(code__in=fields["countries"]))
        elif before is None:
            continue  # already there: loaded with the new content, or added by staff
        else:
            update_unchanged(scheme, before, fields, SCHEME_FIELDS)
            if scheme.verified_on is None:
                scheme.verified_on = verified
                scheme.save(update_fields=["verified_on"])
            update_set_unchanged(
                scheme.eligible_authority_types,
                "name",
                before["types"],
                fields["types"],
                AuthorityType,
            )
            update_set_unchanged(scheme.themes, "slug", before["themes"], fields["themes"], Theme)
            update_set_unchanged(
                scheme.countries, "code", before["countries"], fields["countries"], Country
            )
        items = list(EligibilityItem.objects.filter(scheme=scheme).order_by("position"))
        if [i.text for i in items] == before["checklist"] != fields["checklist"]:
            EligibilityItem.objects.filter(scheme=scheme).delete()
            for item_position, text in enumerate(fields["checklist"], start=1):
                EligibilityItem.objects.create(scheme=scheme, text=text, position=item_position)
        old_calls = {RENAMED_CALLS.get(c["title"], c["title"]): c for c in before["calls"]}
        for call in fields["calls"]:
            values = call_values(call)
            previous = old_calls.get(call["title"])
            title = (previous or call)["title"]
            existing = Call.objects.filter(scheme=scheme, title=title).first()
            if existing is None:
                if Call.objects.filter(
                    scheme=scheme, opens_at=values["opens_at"], closes_at=values["closes_at"]
                ).exists():
                    continue  # staff already added it under another label
                Call.objects.create(scheme=scheme, is_published=True, **values)
                continue
            was = call_values(previous) if previous else values
            update_unchanged(existing, was, values, list(values))
            if existing.verified_on is None:
                existing.verified_on = values["verified_on"]
                existing.save(update_fields=["verified_on"])

    # The historical models do not run save(): keep the search text as save() makes it.
    for scheme in Scheme.objects.select_related("funder"):
        names = f"{scheme.funder.name} {scheme.funder.short_name}"
        text = " ".join([scheme.title, scheme.summary, plain_text(scheme.description), names])
        scheme.search_text = normalize(text)
        scheme.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0005_verified_dates_and_closing_hours"),
        ("reference", "0004_content_corrections"),
    ]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

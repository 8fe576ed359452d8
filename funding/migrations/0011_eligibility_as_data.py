"""Eligibility as its sources say it (issue « Funding facts », audit N4 and N9): the generalist call to every country but those of
a joint fund; CERV to the EU and associated countries; FICOL and Territoires Volontaires to
the countries eligible to official development aid; CERV's applicants and FICOL's syndicats
mixtes. Groups of countries are created with their sources. A value is changed only where the
database still holds the first content (staff's edits are kept)."""

import json
from pathlib import Path

from django.db import migrations

CONTENT = Path(__file__).resolve().parent / "content" / "eligibility-2026-12-06.json"
SOURCE_FIELDS = ["countries_source", "countries_source_url", "types_source", "types_source_url"]


def correct(apps, schema_editor):
    Scheme = apps.get_model("funding", "Scheme")
    Country = apps.get_model("reference", "Country")
    CountryGroup = apps.get_model("reference", "CountryGroup")
    AuthorityType = apps.get_model("reference", "AuthorityType")
    if not Scheme.objects.exists():
        return  # a new database: the initial content brings all this
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    groups = {}
    for name, fields in data["groups"].items():
        group, created = CountryGroup.objects.get_or_create(
            name=name, defaults={"source": fields["source"], "source_url": fields["source_url"]}
        )
        if created:
            group.countries.set(Country.objects.filter(code__in=fields["countries"]))
        groups[name] = group
    for slug, rule in data["schemes"].items():
        scheme = Scheme.objects.filter(slug=slug).first()
        if scheme is None:
            continue
        untouched = scheme.countries_rule == "only" and not scheme.country_groups.exists()
        if untouched and set(scheme.countries.values_list("code", flat=True)) <= set(
            rule.get("countries", [])
        ):
            scheme.countries_rule = rule["countries_rule"]
            scheme.countries.set(Country.objects.filter(code__in=rule.get("countries", [])))
            scheme.country_groups.set([groups[name] for name in rule.get("groups", [])])
        for field in SOURCE_FIELDS:
            if field in rule and not getattr(scheme, field):
                setattr(scheme, field, rule[field])
        scheme.save()
        types = scheme.eligible_authority_types
        if "types" in rule and not types.exists():
            types.set(AuthorityType.objects.filter(name__in=rule["types"]))
        for name in rule.get("add_types", []):
            types.add(*AuthorityType.objects.filter(name=name))


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0010_country_groups"),
        ("reference", "0008_country_groups"),
    ]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

"""Editions the audit of 2026-12-06 found missing (N8) that a source dates: FICOL 2023
(oc-cooperation.org) and CERV « Networks of Towns » 2026 (welcome.simplement.digital). Added
to a database holding the first content, once; a new database gets them from the fixtures."""

import json
from datetime import date, time
from pathlib import Path

from django.db import migrations

from aict_site.content_updates import paris

CONTENT = Path(__file__).resolve().parent / "content" / "editions-2026-12-06.json"



def correct(apps, schema_editor):
    Scheme = apps.get_model("funding", "Scheme")
    Call = apps.get_model("funding", "Call")
    for slug, call in json.loads(CONTENT.read_text(encoding="utf-8")).items():
        scheme = Scheme.objects.filter(slug=slug).first()
        if scheme is None or Call.objects.filter(scheme=scheme, title=call["title"]).exists():
            continue
        Call.objects.create(
            scheme=scheme,
            is_published=True,
            title=call["title"],
            opens_at=paris(call["opens"], time(0, 0)),
            closes_at=paris(call["closes"], time(23, 59)),
            url=call["url"],
            notes=call["notes"],
            verified_on=date.fromisoformat(call["verified_on"]),
        )


class Migration(migrations.Migration):
    dependencies = [("funding", "0013_audit_facts")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

"""The facts the audit of 2026-12-06 corrected (N1, N12, N13): the Franco-Moroccan fund goes
on, with the 2026-2027 call its steering committee announced on 10 December 2025; FACECO is
the Centre de crise et de soutien's fund, opened per crisis, with no calls; the waste lever
cites one article. Only values still equal to the first content are replaced."""

from datetime import date

from django.db import migrations

from aict_site.content_updates import snapshots, update_unchanged


def correct(apps, schema_editor):
    Funder = apps.get_model("funding", "Funder")
    Scheme = apps.get_model("funding", "Scheme")
    Call = apps.get_model("funding", "Call")
    if not Scheme.objects.exists():
        return  # a new database: the initial content brings all this
    old, new = snapshots(__file__, "audit-2026-12-06")
    for slug in ("fonds-franco-marocain", "1-pourcent-dechets"):
        scheme = Scheme.objects.filter(slug=slug).first()
        if scheme and update_unchanged(scheme, old[slug], new[slug], ["summary", "source", "description"]):
            Scheme.objects.filter(pk=scheme.pk).update(verified_on=date(2026, 12, 6))
    morocco = Scheme.objects.filter(slug="fonds-franco-marocain").first()
    call = new["call"]
    if morocco and not Call.objects.filter(scheme=morocco, title=call["title"]).exists():
        Call.objects.create(
            scheme=morocco,
            is_published=True,
            title=call["title"],
            url=call["url"],
            notes=call["notes"],
            announced_on=date.fromisoformat(call["announced_on"]),
            verified_on=date.fromisoformat(call["verified_on"]),
        )
    faceco = Scheme.objects.filter(slug="faceco", funder__short_name="DCTCIV, ex-DAECT").first()
    if faceco:
        fields = {k: v for k, v in new["funder"].items() if k != "key"}
        last = Funder.objects.order_by("-position").values_list("position", flat=True).first()
        funder, _created = Funder.objects.get_or_create(
            name=fields.pop("name"), defaults={**fields, "position": (last or 0) + 1}
        )
        Scheme.objects.filter(pk=faceco.pk).update(funder=funder, works_by_calls=False)


class Migration(migrations.Migration):
    dependencies = [("funding", "0012_works_by_calls")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

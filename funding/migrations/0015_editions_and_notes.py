"""The rest of the audit's N8 and its « tone » remarks: the CERV town-twinning calls of 2025
(alda-europe.eu, grantsfinderai.com) and 2026 (dikaiousai.gr, from the EU portal); Territoires
Volontaires' second call of 2023 (france-volontaires.org, no dates given); past editions'
notes no longer repeat « heure de clôture non précisée » (the page shows the date alone
then) and « minuit » reads « 23 h 59 ». Only values still equal to the first content are
replaced; the calls are added once."""

from datetime import date, time

from django.db import migrations

from aict_site.content_updates import paris, snapshots, update_unchanged

CHECKED = date(2026, 12, 6)



def correct(apps, schema_editor):
    Scheme = apps.get_model("funding", "Scheme")
    Call = apps.get_model("funding", "Call")
    if not Scheme.objects.exists():
        return  # a new database: the initial content brings all this
    old, new = snapshots(__file__, "editions-notes-2026-12-06")
    for key, note in old["notes"].items():
        slug, title = key.split("|", 1)
        Call.objects.filter(scheme__slug=slug, title=title, notes=note).update(
            notes=new["notes"][key]
        )
    volunteers = Scheme.objects.filter(slug="territoires-volontaires").first()
    if volunteers and update_unchanged(
        volunteers, old["territoires-volontaires"], new["territoires-volontaires"], ["description"]
    ):
        Scheme.objects.filter(pk=volunteers.pk).update(verified_on=CHECKED)
    for slug, calls in new["calls"].items():
        scheme = Scheme.objects.filter(slug=slug).first()
        if scheme is None:
            continue
        added = False
        for call in calls:
            if Call.objects.filter(scheme=scheme, title=call["title"]).exists():
                continue
            at = time.fromisoformat(call["closes_time"]) if call.get("closes_time") else time(23, 59)
            Call.objects.create(
                scheme=scheme,
                is_published=True,
                title=call["title"],
                opens_at=paris(call["opens"], time(0, 0)),
                closes_at=paris(call["closes"], at),
                closing_time_given=call["closing_time_given"],
                url=call["url"],
                notes=call["notes"],
                verified_on=date.fromisoformat(call["verified_on"]),
            )
            added = True
        if added:
            Scheme.objects.filter(pk=scheme.pk).update(verified_on=CHECKED)


class Migration(migrations.Migration):
    dependencies = [("funding", "0014_editions_since_2024")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

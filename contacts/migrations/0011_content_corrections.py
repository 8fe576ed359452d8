"""Correct the partners and offices loaded before 2026-11-28: spelling and capitals, Pôle
emploi now France Travail (its former name kept), the DRJSCS entry flagged for staff review
(never renamed), and the two subjects that links preselect. Only rows still holding the old
initial content change."""

from django.db import migrations

from aict_site.content_updates import snapshots, update_unchanged


def correct(apps, schema_editor):
    Partner = apps.get_model("contacts", "Partner")
    Office = apps.get_model("contacts", "Office")
    ContactSubject = apps.get_model("contacts", "ContactSubject")
    old, new = snapshots(__file__, "corrections-2026-11-28")
    # The partners are listed in the same order in both versions.
    for name, fields in zip(old["partners"], new["partners"], strict=True):
        partner = Partner.objects.filter(name=name).first()
        if partner:
            update_unchanged(
                partner,
                {"name": name, "former_name": "", "needs_review": False, "review_note": ""},
                fields,
                ["name", "former_name", "needs_review", "review_note"],
            )
    for before, after in zip(old["offices"], new["offices"], strict=True):
        office = Office.objects.filter(name=before["name"]).first()
        if office:
            update_unchanged(office, before, after, ["address_lines"])
    if ContactSubject.objects.exists():
        for position, fields in enumerate(new["subjects"], start=1):
            if fields.get("slug") and not ContactSubject.objects.filter(name=fields["name"]).exists():
                ContactSubject.objects.create(position=position, **fields)
        # « Autre » stays last, as in the new initial list.
        ContactSubject.objects.filter(name="Autre", position=len(old["subjects"])).update(
            position=len(new["subjects"])
        )


class Migration(migrations.Migration):
    dependencies = [("contacts", "0010_partner_review_and_subject_codes")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

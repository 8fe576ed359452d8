"""The model deliberation a council could adopt (issue « Ma collectivité, second round »):
its session heading, visas, considérants, numbered articles, figured commitment, vote and
appeal, with brackets filled in per authority. The text is replaced only where the database
still holds the first model (staff's edits are kept)."""

from django.db import migrations, models

from aict_site.content_updates import snapshots, update_unchanged

NEW_HELP = (
    "One paragraph per blank line. These brackets are filled in for each authority: "
    "[COLLECTIVITÉ], [LA COLLECTIVITÉ], [DE LA COLLECTIVITÉ], [LE CONSEIL], "
    "[DU CONSEIL], [L’EXÉCUTIF], [VISA DE COMPÉTENCE], [VISA DES LEVIERS], [TRIBUNAL] "
    "and [TYPE]; leave the other brackets for the authority to fill in."
)


def correct(apps, schema_editor):
    DeliberationModel = apps.get_model("directory", "DeliberationModel")
    old, new = snapshots(__file__, "deliberation-2026-12-06")
    for record in DeliberationModel.objects.all():
        update_unchanged(record, old, new, ["title", "body"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0008_deliberation_file_size")]

    operations = [
        migrations.AlterField(
            model_name="deliberationmodel",
            name="body",
            field=models.TextField(help_text=NEW_HELP, verbose_name="text"),
        ),
        migrations.RunPython(correct, migrations.RunPython.noop),
    ]

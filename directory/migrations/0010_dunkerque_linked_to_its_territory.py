"""« Dunkerque Grand Littoral » is the Communauté urbaine de Dunkerque (SIREN 245900428): its
directory record is linked to its official record, so that the directory and « Ma
collectivité » name and link the same body. Only a record still without a code is changed."""

from django.db import migrations

SIREN = "245900428"


def link(apps, schema_editor):
    Authority = apps.get_model("directory", "Authority")
    Territory = apps.get_model("reference", "Territory")
    territory = Territory.objects.filter(code=SIREN).first()
    Authority.objects.filter(name="Dunkerque Grand Littoral", code="").update(
        code=SIREN, territory=territory
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0009_deliberation_a_council_could_adopt"),
        ("reference", "0007_french_names"),
    ]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]

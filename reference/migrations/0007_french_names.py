"""Territory names as French typography writes them (« CU d’Arras », « CA Cœur de Flandre »):
the loader now writes them so; names loaded before are brought in line here. The rule is copied,
not imported, so that this migration does the same whatever the loader becomes."""

import re

from django.db import migrations

LIGATURES = re.compile(r"\b([CcSs])oeur(s?)\b")


def french_name(name):
    return LIGATURES.sub(r"\1œur\2", name.replace("'", "’"))


def forwards(apps, schema_editor):
    Territory = apps.get_model("reference", "Territory")
    changed = []
    for territory in Territory.objects.only("pk", "name"):
        name = french_name(territory.name)
        if name != territory.name:
            territory.name = name
            changed.append(territory)
    Territory.objects.bulk_update(changed, ["name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("reference", "0006_territories")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

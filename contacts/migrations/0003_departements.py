"""The five départements of Hauts-de-France: fixed reference data, not staff content."""

from django.db import migrations

DEPARTEMENTS = [
    ("02", "Aisne"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("62", "Pas-de-Calais"),
    ("80", "Somme"),
]


def create(apps, schema_editor):
    Departement = apps.get_model("contacts", "Departement")
    for code, name in DEPARTEMENTS:
        Departement.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("contacts", "0002_authoritytype_contactsubject_departement_and_more")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]

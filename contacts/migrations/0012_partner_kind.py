"""Partners grouped by kind on the partners page: the initial partners get theirs where the
database still holds them unclassified (staff can reclassify any), and the two sites the
sourced facts cite."""

from django.db import migrations, models

# The initial partners' kinds, as in fixtures/initial_contacts.json on 2026-11-28.
INITIAL_KINDS = {
    "Crajep": "network",
    "Département du Pas-de-Calais": "authority",
    "Dunkerque Grand Littoral": "authority",
    "Agence de l’eau": "public",
    "Agence française de développement": "funder",
    "Région Hauts-de-France": "authority",
    "Ministère de l’Europe et des Affaires étrangères": "public",
    "Direction Régionale de la Jeunesse, des Sports et de la Cohésion Sociale": "public",
    "Ville de Lille": "authority",
    "FONJEP": "funder",
    "Métropole Européenne de Lille": "authority",
    "Agence nationale pour la rénovation urbaine": "public",
    "Fondation Norsys": "funder",
    "CRID": "network",
    "Département du Nord": "authority",
    "Caisse d’Épargne": "funder",
    "RRMA Conférence Interrégionale": "network",
    "France Travail": "public",
}


# The two partners whose sites the sourced facts cite (the others are for staff to add).
INITIAL_URLS = {
    "Agence française de développement": "https://www.afd.fr/",
    "Ministère de l’Europe et des Affaires étrangères": "https://www.diplomatie.gouv.fr/",
}


def classify(apps, schema_editor):
    Partner = apps.get_model("contacts", "Partner")
    for name, kind in INITIAL_KINDS.items():
        Partner.objects.filter(name=name, kind="").update(kind=kind)
    for name, url in INITIAL_URLS.items():
        Partner.objects.filter(name=name, url="").update(url=url)


class Migration(migrations.Migration):
    dependencies = [("contacts", "0011_content_corrections")]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("public", "Public institutions"),
                    ("authority", "Local authorities"),
                    ("network", "Associations and networks"),
                    ("funder", "Funders"),
                ],
                help_text="The group the partners page shows it in; unclassified partners come last.",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(classify, migrations.RunPython.noop),
    ]

"""The mobility lever names « Intercommunalité » too (issue « Ma collectivité, second
round »): métropoles, communautés urbaines and d’agglomération are autorités organisatrices
de la mobilité by law (L1115-3 CGCT), and the finder answered 0 for « intercommunalité +
mobilité ». Changed only where the lever still names exactly its first two types."""

from django.db import migrations

from aict_site.content_updates import update_set_unchanged

OLD = ["Autorité organisatrice de la mobilité", "Commune"]
NEW = ["Autorité organisatrice de la mobilité", "Intercommunalité", "Commune"]


def correct(apps, schema_editor):
    Scheme = apps.get_model("funding", "Scheme")
    AuthorityType = apps.get_model("reference", "AuthorityType")
    for lever in Scheme.objects.filter(slug="1-pourcent-mobilite"):
        update_set_unchanged(lever.eligible_authority_types, "name", OLD, NEW, AuthorityType)


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0008_distinct_positions"),
        ("reference", "0007_french_names"),
    ]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

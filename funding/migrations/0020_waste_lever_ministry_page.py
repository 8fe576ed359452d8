"""The waste lever's official page: the ministry's own presentation of the « 1 % déchets »
(diplomatie.gouv.fr, 21 September 2017, which cites article L1115-2 of the CGCT) instead of
« Page officielle non disponible », and that page named among the sources instead of « cité
par idcite.com ». Only values still equal to the first content are replaced."""

from django.db import migrations

from aict_site.content_updates import snapshots, update_unchanged

SLUG = "1-pourcent-dechets"


def correct(apps, schema_editor):
    Scheme = apps.get_model("funding", "Scheme")
    scheme = Scheme.objects.filter(slug=SLUG).first()
    if scheme is None:
        return  # a new database: the initial content brings it
    old, new = snapshots(__file__, "waste-page-2026-12-06")
    update_unchanged(scheme, old[SLUG], new[SLUG], ["official_url", "source"])


class Migration(migrations.Migration):
    dependencies = [("funding", "0019_initial_questions")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]

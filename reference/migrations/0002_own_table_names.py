"""Give the adopted tables this app's names, now that no other app's state points at the old
models. Foreign keys follow a renamed table on both databases."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0001_initial"),
        ("contacts", "0007_vocabularies_moved_to_reference"),
        ("funding", "0003_vocabularies_moved_to_reference"),
        ("events", "0004_vocabularies_moved_to_reference"),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ("authoritytype", "country", "departement", "theme")
    ]

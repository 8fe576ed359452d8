from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0007_vocabularies_moved_to_reference"),
        ("directory", "0001_initial"),
    ]

    # State only: the directory app adopted the tables (directory/0001).
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Cooperation"),
                migrations.DeleteModel(name="Authority"),
            ]
        )
    ]

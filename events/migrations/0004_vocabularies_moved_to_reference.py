import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_one_registration_per_address"),
        ("reference", "0001_initial"),
    ]

    # State only: the column already points at the table reference adopted.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="registration",
                    name="authority_type",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="reference.authoritytype", verbose_name="type de collectivité"),
                ),
            ]
        )
    ]

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0006_contactrequest_notification_claimed_at"),
        ("reference", "0001_initial"),
        ("events", "0004_vocabularies_moved_to_reference"),
    ]

    # State only: the columns already point at the tables reference adopted.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="contactrequest",
                    name="authority_type",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to="reference.authoritytype", verbose_name="type de collectivité"),
                ),
                migrations.AlterField(
                    model_name="authority",
                    name="kind",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="authorities", to="reference.authoritytype", verbose_name="type"),
                ),
                migrations.AlterField(
                    model_name="authority",
                    name="departement",
                    field=models.ForeignKey(blank=True, help_text="Laissez vide pour la Région.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name="authorities", to="reference.departement", verbose_name="département"),
                ),
                migrations.AlterField(
                    model_name="contactrequest",
                    name="departement",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to="reference.departement", verbose_name="département"),
                ),
                migrations.AlterField(
                    model_name="cooperation",
                    name="country",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="cooperations", to="reference.country", verbose_name="pays"),
                ),
                migrations.AlterField(
                    model_name="cooperation",
                    name="themes",
                    field=models.ManyToManyField(blank=True, to="reference.theme", verbose_name="thèmes"),
                ),
                migrations.AlterField(
                    model_name="office",
                    name="departements",
                    field=models.ManyToManyField(blank=True, related_name="offices", to="reference.departement", verbose_name="départements servis"),
                ),
                migrations.DeleteModel(name="AuthorityType"),
                migrations.DeleteModel(name="Departement"),
            ]
        )
    ]

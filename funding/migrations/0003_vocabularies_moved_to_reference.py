from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0002_search_indexes"),
        ("reference", "0001_initial"),
        ("contacts", "0007_vocabularies_moved_to_reference"),
    ]

    # State only: the join tables already point at the tables reference adopted.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="scheme",
                    name="countries",
                    field=models.ManyToManyField(blank=True, help_text="Laissez vide si le dispositif est ouvert à tous les pays.", to="reference.country", verbose_name="pays partenaires"),
                ),
                migrations.AlterField(
                    model_name="scheme",
                    name="eligible_authority_types",
                    field=models.ManyToManyField(blank=True, help_text="Laissez vide si la source ne le précise pas.", to="reference.authoritytype", verbose_name="collectivités éligibles"),
                ),
                migrations.AlterField(
                    model_name="scheme",
                    name="themes",
                    field=models.ManyToManyField(blank=True, to="reference.theme", verbose_name="thèmes"),
                ),
                migrations.DeleteModel(name="Country"),
                migrations.DeleteModel(name="Theme"),
            ]
        )
    ]

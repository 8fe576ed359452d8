"""Adopt the authorities and their cooperations from contacts without touching a row.

As reference/0001 did for the vocabularies: the models enter this app's state on their
tables, their content types follow them, and 0002 gives the tables this app's names.
"""

import django.contrib.postgres.search
import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import aict_site.images

MODELS = ["authority", "cooperation"]


def move_content_types(apps, schema_editor, source="contacts", target="directory"):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.using(schema_editor.connection.alias).filter(
        app_label=source, model__in=MODELS
    ).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="directory", target="contacts")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("contacts", "0007_vocabularies_moved_to_reference"),
        ("funding", "0003_vocabularies_moved_to_reference"),
        ("reference", "0002_own_table_names"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Authority",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("is_published", models.BooleanField(default=False, help_text="Décochez pour retirer du site sans supprimer.", verbose_name="publié")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="créé le")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="modifié le")),
                        ("name", models.CharField(max_length=200, verbose_name="nom")),
                        ("slug", models.SlugField(max_length=200, unique=True, verbose_name="adresse (slug)")),
                        ("population", models.PositiveIntegerField(blank=True, null=True, verbose_name="population")),
                        ("code", models.CharField(blank=True, max_length=9, validators=[django.core.validators.RegexValidator("^(\\d[\\dAB]\\d{3}|\\d{9})$", "5 caractères (code INSEE) ou 9 chiffres (SIREN).")], verbose_name="code INSEE ou SIREN")),
                        ("website", models.URLField(blank=True, verbose_name="site web")),
                        ("description", models.TextField(blank=True, max_length=1000, verbose_name="présentation courte")),
                        ("logo", models.ImageField(blank=True, upload_to="authorities/", validators=[aict_site.images.validate_image], verbose_name="logo")),
                        ("is_partner", models.BooleanField(default=False, verbose_name="partenaire du réseau")),
                        ("search_text", models.TextField(blank=True, editable=False)),
                        ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                        ("departement", models.ForeignKey(blank=True, help_text="Laissez vide pour la Région.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name="authorities", to="reference.departement", verbose_name="département")),
                        ("kind", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="authorities", to="reference.authoritytype", verbose_name="type")),
                    ],
                    options={
                        "verbose_name": "collectivité engagée",
                        "verbose_name_plural": "collectivités engagées",
                        "ordering": ["name"],
                        "db_table": "contacts_authority",
                    },
                ),
                migrations.CreateModel(
                    name="Cooperation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("partner_name", models.CharField(max_length=200, verbose_name="collectivité partenaire")),
                        ("since_year", models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name="depuis")),
                        ("is_current", models.BooleanField(default=True, verbose_name="en cours")),
                        ("link", models.URLField(blank=True, verbose_name="lien (source publique)")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="modifié le")),
                        ("authority", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="cooperations", to="directory.authority", verbose_name="collectivité")),
                        ("country", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="cooperations", to="reference.country", verbose_name="pays")),
                        ("scheme", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="funding.scheme", verbose_name="financement obtenu")),
                        ("themes", models.ManyToManyField(blank=True, to="reference.theme", verbose_name="thèmes")),
                    ],
                    options={
                        "verbose_name": "coopération",
                        "verbose_name_plural": "coopérations",
                        "ordering": ["country__name", "partner_name"],
                        "db_table": "contacts_cooperation",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]

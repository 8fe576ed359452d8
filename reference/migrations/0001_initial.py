"""Adopt the four vocabularies from contacts and funding without touching a row.

The models enter this app's state on the tables they already have (moved to this app's
names by 0002, once the other apps point here); their content types follow them, so staff
permissions, admin history and revisions stay attached.
"""

from django.db import migrations, models

MOVED = {"contacts": ["departement", "authoritytype"], "funding": ["theme", "country"]}


def move_content_types(apps, schema_editor, to_reference=True):
    content_type = apps.get_model("contenttypes", "ContentType")
    for app_label, model_names in MOVED.items():
        source, target = (app_label, "reference") if to_reference else ("reference", app_label)
        content_type.objects.using(schema_editor.connection.alias).filter(
            app_label=source, model__in=model_names
        ).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, to_reference=False)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("contacts", "0006_contactrequest_notification_claimed_at"),
        ("funding", "0002_search_indexes"),
        ("events", "0003_one_registration_per_address"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuthorityType",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=80, unique=True, verbose_name="nom")),
                        ("position", models.PositiveIntegerField(default=0, verbose_name="ordre")),
                    ],
                    options={
                        "verbose_name": "type de collectivité",
                        "verbose_name_plural": "types de collectivité",
                        "ordering": ["position", "name"],
                        "db_table": "contacts_authoritytype",
                    },
                ),
                migrations.CreateModel(
                    name="Country",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(help_text="Deux lettres majuscules, par exemple SN pour le Sénégal.", max_length=2, unique=True, verbose_name="code ISO 3166-1")),
                        ("name", models.CharField(max_length=80, verbose_name="nom en français")),
                    ],
                    options={
                        "verbose_name": "pays",
                        "verbose_name_plural": "pays",
                        "ordering": ["name"],
                        "db_table": "funding_country",
                    },
                ),
                migrations.CreateModel(
                    name="Departement",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=3, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=80, verbose_name="nom")),
                    ],
                    options={
                        "verbose_name": "département",
                        "verbose_name_plural": "départements",
                        "ordering": ["code"],
                        "db_table": "contacts_departement",
                    },
                ),
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=80, unique=True, verbose_name="nom")),
                        ("slug", models.SlugField(max_length=80, unique=True, verbose_name="adresse (slug)")),
                        ("position", models.PositiveIntegerField(default=0, verbose_name="ordre")),
                    ],
                    options={
                        "verbose_name": "thème",
                        "verbose_name_plural": "thèmes",
                        "ordering": ["position", "name"],
                        "db_table": "funding_theme",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]

"""The site search finds offices (by town, name or address) and people (by name or role)."""

import django.contrib.postgres.search
from django.db import migrations, models

from aict_site.search import normalize, search_index


def fill(apps, schema_editor):
    Office = apps.get_model("contacts", "Office")
    Person = apps.get_model("contacts", "Person")
    for office in Office.objects.all():
        office.search_text = normalize(
            f"{office.name} {office.city} {office.postal_code} {office.address_lines}"
        )
        office.save(update_fields=["search_text"])
    for person in Person.objects.all():
        person.search_text = normalize(f"{person.name} {person.role}")
        person.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [("contacts", "0013_new_items_start_unpublished")]

    operations = [
        *(
            operation
            for model in ("office", "person")
            for operation in (
                migrations.AddField(
                    model_name=model,
                    name="search_text",
                    field=models.TextField(blank=True, editable=False),
                ),
                migrations.AddField(
                    model_name=model,
                    name="search_vector",
                    field=django.contrib.postgres.search.SearchVectorField(
                        editable=False, null=True
                    ),
                ),
            )
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        search_index("contacts.office"),
        search_index("contacts.person"),
    ]

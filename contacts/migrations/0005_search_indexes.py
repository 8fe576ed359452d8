import django.contrib.postgres.search
from django.db import migrations

from aict_site.search import search_index


class Migration(migrations.Migration):
    dependencies = [("contacts", "0004_authority_cooperation")]

    operations = [
        migrations.AddField(
            model_name="authority",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        search_index("contacts.authority"),
    ]

import django.contrib.postgres.search
from django.db import migrations

from aict_site.search import search_index


class Migration(migrations.Migration):
    dependencies = [("funding", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="scheme",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        search_index("funding.scheme"),
    ]

import django.contrib.postgres.search
from django.db import migrations

from aict_site.search import search_index


class Migration(migrations.Migration):
    dependencies = [("pages", "0005_alter_page_layout")]

    operations = [
        migrations.AddField(
            model_name="page",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="reason",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="action",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        search_index("pages.page"),
        search_index("pages.reason"),
        search_index("pages.action"),
    ]

from django.db import migrations

from aict_site.search import search_index


class Migration(migrations.Migration):
    dependencies = [("pages", "0005_alter_page_layout")]

    operations = [
        search_index("pages.Page"),
        search_index("pages.Reason"),
        search_index("pages.Action"),
    ]

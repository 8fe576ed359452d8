from django.db import migrations

from aict_site.search import search_index


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [search_index("news.newsitem")]

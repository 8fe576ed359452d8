from django.db import migrations

from aict_site.search import search_index


class Migration(migrations.Migration):
    dependencies = [("contacts", "0004_authority_cooperation")]

    operations = [search_index("contacts.Authority")]

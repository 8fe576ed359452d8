"""Give the adopted tables (and the cooperations' theme join table) this app's names, and on
PostgreSQL the search trigger and index too, so that names tell which app owns what."""

from django.db import migrations

OLD, NEW = "contacts_authority_search_vector", "directory_authority_search_vector"


def rename_search_objects(old, new):
    def rename(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            table = apps.get_model("directory", "Authority")._meta.db_table
            schema_editor.execute(f"ALTER TRIGGER {old} ON {table} RENAME TO {new}")
            schema_editor.execute(f"ALTER INDEX {old} RENAME TO {new}")

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("contacts", "0008_directory_moved_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="authority", table=None),
        migrations.AlterModelTable(name="cooperation", table=None),
        migrations.RunPython(rename_search_objects(OLD, NEW), rename_search_objects(NEW, OLD)),
    ]

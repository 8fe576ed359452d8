"""Registrations leave the events' revisions (issue « Visitors' data really erased »): the
event admin followed its registration inline into every revision, so an erased registrant's
address stayed in the history and « revert » brought the registration back. The admin no
longer follows them (aict_site.revisions); this deletes the copies already made."""

from django.db import migrations


def forget(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label="events", model="registration").first()
    if content_type is not None:
        Version.objects.filter(content_type=content_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_registrant_mail"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]

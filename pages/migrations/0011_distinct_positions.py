"""Positions numbered 1, 2, 3… in the current order: staff now order these lists by
dragging rows or with the move buttons, and no two items may share a position."""

from django.db import migrations

from aict_site.ordering import renumber_all


class Migration(migrations.Migration):
    dependencies = [("pages", "0010_site_settings_singular_name")]

    operations = [
        renumber_all("pages.Reason"),
        renumber_all("pages.Action"),
    ]

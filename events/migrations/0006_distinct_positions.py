"""Positions numbered 1, 2, 3… in the current order: staff now order these lists by
dragging rows or with the move buttons, and no two items may share a position."""

from django.db import migrations

from aict_site.ordering import renumber_all


class Migration(migrations.Migration):
    dependencies = [("events", "0005_english_msgids")]

    operations = [
        renumber_all("events.EventKind"),
    ]

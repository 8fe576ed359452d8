"""Positions numbered 1, 2, 3… in the current order: staff now order these lists by
dragging rows or with the move buttons, and no two items may share a position."""

from django.db import migrations

from aict_site.ordering import renumber_all


class Migration(migrations.Migration):
    dependencies = [("reference", "0004_content_corrections")]

    operations = [
        renumber_all("reference.AuthorityType"),
        renumber_all("reference.Theme"),
    ]

"""Positions numbered 1, 2, 3… in the current order: staff now order these lists by
dragging rows or with the move buttons, and no two items may share a position."""

from django.db import migrations

from aict_site.ordering import renumber_all


class Migration(migrations.Migration):
    dependencies = [("contacts", "0014_search_offices_and_people")]

    operations = [
        renumber_all("contacts.Office"),
        renumber_all("contacts.Person"),
        renumber_all("contacts.Partner"),
        renumber_all("contacts.ContactSubject"),
    ]

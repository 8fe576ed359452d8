"""Load the client's initial content, app by app, into a database that holds none yet.

Each app that has initial content provides `<app>/initial_content.py` with a `load()`
function. An app whose content already exists is left alone, so staff edits are never
overwritten and running the command twice changes nothing.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Charge le contenu initial du client dans une base qui n’en contient pas encore."

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            if not module_has_submodule(app_config.module, "initial_content"):
                continue
            loader = import_module(f"{app_config.name}.initial_content")
            with transaction.atomic():
                created = loader.load()
            if created:
                self.stdout.write(f"{app_config.label}: {created} records created")
            else:
                self.stdout.write(f"{app_config.label}: content present, nothing changed")

"""Load the client's initial content, app by app, into a database that holds none yet.

Each app that has initial content provides `<app>/initial_content.py` with a `load()`
function. An app whose content already exists is left alone, so staff edits are never
overwritten and running the command twice changes nothing.
"""

from graphlib import TopologicalSorter
from importlib import import_module

import reversion
from django.apps import apps
from django.contrib import admin
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

INITIAL_COMMENT = _("Initial content from the client")


def in_dependency_order(app_configs):
    """The apps, each after those its models point to: an app's content may refer to records
    another app loads (schemes to authority types), whatever the order of INSTALLED_APPS."""
    configs = {config.label: config for config in app_configs}
    graph = {
        label: {
            field.related_model._meta.app_label
            for model in config.get_models()
            for field in model._meta.get_fields()
            if field.is_relation and not field.auto_created and field.related_model is not None
        }
        & (configs.keys() - {label})
        for label, config in configs.items()
    }
    return [configs[label] for label in TopologicalSorter(graph).static_order()]


def first_revisions(app_config):
    """A first revision of each record staff edit (with the rows it owns, which its
    registration follows): the client's original text can be restored from a record's history
    in the admin, one record at a time — a revision holding a whole app would offer to restore
    every record of it at once."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_config is not app_config or not isinstance(model_admin, VersionAdmin):
            continue
        for record in model._default_manager.all():
            with reversion.create_revision(atomic=False):
                reversion.set_comment(str(INITIAL_COMMENT))
                reversion.add_to_revision(record)


class Command(BaseCommand):
    help = "Charge le contenu initial du client dans une base qui n’en contient pas encore."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-revisions",
            action="store_true",
            help="Skip the first revisions (for tests: they double the time of a load).",
        )

    def handle(self, *args, **options):
        loaders = [
            config
            for config in apps.get_app_configs()
            if module_has_submodule(config.module, "initial_content")
        ]
        for app_config in in_dependency_order(loaders):
            loader = import_module(f"{app_config.name}.initial_content")
            with transaction.atomic():
                created = loader.load()
                if created and not options["no_revisions"]:
                    first_revisions(app_config)
            if created:
                self.stdout.write(f"{app_config.label}: {created} records created")
            else:
                self.stdout.write(f"{app_config.label}: content present, nothing changed")

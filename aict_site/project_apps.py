"""What the core knows of the project's apps without naming any: they declare themselves.

An app of this project (not the core, not a library) serves content, unless a model declares
itself a visitor's record by inheriting `Notified` (a contact request, a registration) or by
setting `is_visitor_record = True` (a subscriber to alerts): those
change nothing a page shows, staff read them rather than write them, and they are personal data.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from .notifying import Notified


def project_app_configs():
    """This project's own apps, in INSTALLED_APPS order: those whose code lives in the project
    folder, outside installed packages, and other than the core."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        config
        for config in apps.get_app_configs()
        if config.name != "aict_site"
        and Path(config.path).resolve().is_relative_to(base)
        and "site-packages" not in Path(config.path).parts
    ]


def is_visitor_record(model):
    return issubclass(model, Notified) or getattr(model, "is_visitor_record", False)


def content_models():
    return [
        model
        for config in project_app_configs()
        for model in config.get_models()
        if not is_visitor_record(model)
    ]


def visitor_record_models():
    return [
        model
        for config in project_app_configs()
        for model in config.get_models()
        if is_visitor_record(model)
    ]

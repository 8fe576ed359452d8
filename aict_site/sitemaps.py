"""The sitemap gathers the sections each app declares in its own `sitemaps.py`."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def collect():
    sections = {}
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "sitemaps") and app_config.name != "aict_site":
            module = import_module(f"{app_config.name}.sitemaps")
            sections.update(getattr(module, "sitemaps", {}))
    return sections

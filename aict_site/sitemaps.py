"""The sitemap gathers the sections each app declares in its own `sitemaps.py`."""

from importlib import import_module

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.module_loading import module_has_submodule


def collect():
    sections = {}
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "sitemaps") and app_config.name != "aict_site":
            module = import_module(f"{app_config.name}.sitemaps")
            sections.update(getattr(module, "sitemaps", {}))
    return sections


class NamedPagesSitemap(Sitemap):
    """A sitemap section of an app's fixed pages, given by URL name: a subclass sets
    `url_names` (and may set `changefreq` and `priority`)."""

    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, name):
        return reverse(name)


def named_pages(*url_names, changefreq="weekly", priority=0.5):
    """A NamedPagesSitemap for these pages: `{"agenda": named_pages("events:upcoming", …)}`."""
    return type(
        "NamedPagesSitemap",
        (NamedPagesSitemap,),
        {"url_names": url_names, "changefreq": changefreq, "priority": priority},
    )

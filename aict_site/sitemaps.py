"""The sitemap gathers the sections each app declares in its own `sitemaps.py`."""

from importlib import import_module

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.module_loading import module_has_submodule
from django.views.generic import TemplateView


def collect():
    sections = {}
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "sitemaps") and app_config.name != "aict_site":
            module = import_module(f"{app_config.name}.sitemaps")
            sections.update(getattr(module, "sitemaps", {}))
    return sections


class NamedPagesSitemap(Sitemap):
    """A sitemap section of an app's fixed pages, given by URL name: a subclass sets
    `url_names` and their `labels` for people (and may set `changefreq` and `priority`)."""

    url_names = ()
    labels = {}

    def items(self):
        return list(self.url_names)

    def location(self, name):
        return reverse(name)

    def label(self, name):
        return self.labels.get(name, name)


def label_of(section, item):
    """What the HTML site map calls an item: the section's own label, or the item's name."""
    return section.label(item) if hasattr(section, "label") else str(item)


def sections_for_people():
    """The sitemap's sections, titled, with their items' labels and addresses, for the HTML
    site map (`/plan-du-site/`): the same source as sitemap.xml."""
    for key, section_class in collect().items():
        section = section_class()
        links = [(label_of(section, item), section.location(item)) for item in section.items()]
        if links:
            yield getattr(section, "title", key), links


def named_pages(title, labels, changefreq="weekly", priority=0.5):
    """A NamedPagesSitemap for these pages, `labels` mapping each URL name to what people read:
    `{"agenda": named_pages(_("Agenda"), {"events:upcoming": _("Next events")})}`."""
    return type(
        "NamedPagesSitemap",
        (NamedPagesSitemap,),
        {
            "title": title,
            "url_names": tuple(labels),
            "labels": labels,
            "changefreq": changefreq,
            "priority": priority,
        },
    )


class SiteMapPage(TemplateView):
    """The site map for people, built from the sitemap's own sections."""

    template_name = "site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=list(sections_for_people()), **kwargs)

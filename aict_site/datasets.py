"""The site's open data: each app declares its datasets in its own `datasets.py` (a
`datasets()` function returning `Dataset` items); the core gathers them for the data page
(/donnees/) and the DCAT catalogue data.gouv.fr harvests (/donnees/catalogue.jsonld)."""

from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module

from django.utils.module_loading import module_has_submodule

from .project_apps import project_app_configs

LICENCE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


@dataclass(frozen=True)
class Distribution:
    title: str
    url: str  # an address on this site
    media_type: str
    format: str


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    page: str  # where people read it on the site
    distributions: list = field(default_factory=list)
    modified: datetime | None = None
    schema: str = ""  # the address of the schema the files follow, if any
    keywords: tuple = ()


def collect():
    datasets = []
    for config in project_app_configs():
        if module_has_submodule(config.module, "datasets"):
            datasets.extend(import_module(f"{config.name}.datasets").datasets())
    return datasets

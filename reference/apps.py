from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    """Vocabularies every app shares — départements, authority types, themes, countries.

    Every app may import this one; it imports none, so the apps form a graph without cycles.
    """

    name = "reference"
    verbose_name = _("Reference lists")

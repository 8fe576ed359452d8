from django.utils.translation import gettext as _

from aict_site.search import Source

from .models import Resource


class ResourceSource(Source):
    columns = ("title", "kind")
    record_fields = ("slug", "description")
    url_name = "resources:resource-detail"

    def queryset(self):
        return Resource.objects.published()

    def kind(self, row):
        return _("Resource — %(kind)s") % {"kind": Resource.Kind(row["kind"]).label}

    def text(self, resource):
        return resource["description"]

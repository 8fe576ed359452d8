from django.utils.translation import gettext as _

from aict_site.search import Source

from .models import Authority


class AuthoritySource(Source):
    columns = ("name", "kind__name")
    record_fields = ("slug", "name", "description")
    url_name = "directory:authority-detail"

    def queryset(self):
        return Authority.objects.published()

    def kind(self, row):
        return _("Engaged authority — %(kind)s") % {"kind": row["kind__name"]}

    def title(self, row):
        return row["name"]

    def text(self, authority):
        return authority["description"] or authority["name"]

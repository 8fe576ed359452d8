from django.utils.translation import gettext as _

from aict_site.richtext import plain_text
from aict_site.search import Source

from .models import Scheme


class SchemeSource(Source):
    columns = ("title", "funder__name")
    record_fields = ("slug", "summary", "description")
    url_name = "funding:scheme-detail"

    def queryset(self):
        return Scheme.objects.published()

    def kind(self, row):
        return _("Funding — %(funder)s") % {"funder": row["funder__name"]}

    def text(self, scheme):
        return f"{scheme['summary']} {plain_text(scheme['description'])}"

from django.utils.translation import gettext as _

from aict_site.pagecache import remembered
from aict_site.richtext import plain_text
from aict_site.search import Result, Source, first_rows, matching, normalize, terms

from .models import Funder, Scheme


def funder_names():
    return [
        (funder.pk, normalize(f"{funder.name} {funder.short_name}"))
        for funder in Funder.objects.all()
    ]


class SchemeSource(Source):
    columns = ("title", "funder__name")
    record_fields = ("slug", "summary", "description")
    url_name = "funding:scheme-detail"

    def queryset(self):
        return Scheme.objects.published()

    def kind(self, row):
        return _("Financement — %(funder)s") % {"funder": row["funder__name"]}

    def find(self, query, limit):
        results, total = super().find(query, limit)
        # Funders are few: match their current and former names here, so a renamed funder's
        # schemes are found by either name even before the schemes are saved again.
        words = terms(query)
        funder_ids = [
            pk
            for pk, names in remembered("funder-names", funder_names)
            if words and all(word in names for word in words)
        ]
        if funder_ids:
            others = (
                self.queryset()
                .filter(funder_id__in=funder_ids)
                .exclude(pk__in=matching(self.queryset(), query).values("pk"))
            )
            rows, count = first_rows(others, limit, *self.columns)
            results += [Result(0.0, self, row) for row in rows]
            total += count
        return results, total

    def text(self, scheme):
        return f"{scheme['summary']} {plain_text(scheme['description'])}"

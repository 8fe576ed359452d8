from django.utils.translation import gettext as _

from aict_site.richtext import plain_text
from aict_site.search import Result, Source, first_rows, matching, normalize, terms

from .models import Funder, Scheme


class SchemeSource(Source):
    columns = ("title", "funder__name")
    record_fields = ("slug", "summary", "description")

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
            funder.pk
            for funder in Funder.objects.all()
            if words
            and all(word in normalize(f"{funder.name} {funder.short_name}") for word in words)
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
        return f"{scheme.summary} {plain_text(scheme.description)}"

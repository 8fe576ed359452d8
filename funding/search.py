from django.utils.translation import gettext as _

from aict_site.richtext import plain_text
from aict_site.search import Result, matching, normalize, terms

from .models import Funder, Scheme


def search(query):
    words = terms(query)
    schemes = list(matching(Scheme.objects.published().select_related("funder"), query))
    found = {scheme.pk for scheme in schemes}
    # Funders are few: match their current and former names here, so a renamed funder's
    # schemes are found by either name even before the schemes are saved again.
    funder_ids = [
        funder.pk
        for funder in Funder.objects.all()
        if words and all(word in normalize(f"{funder.name} {funder.short_name}") for word in words)
    ]
    if funder_ids:
        schemes += list(
            Scheme.objects.published()
            .filter(funder_id__in=funder_ids)
            .exclude(pk__in=found)
            .select_related("funder")
        )
    return [
        Result(
            scheme.title,
            scheme.get_absolute_url(),
            _("Financement — %(funder)s") % {"funder": scheme.funder},
            f"{scheme.summary} {plain_text(scheme.description)}",
            query,
            getattr(scheme, "rank", 0),
        )
        for scheme in schemes
    ]

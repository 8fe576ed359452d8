import re

from django.urls import reverse
from django.utils.translation import gettext as _

from aict_site.search import Result, Source, normalize
from reference import territories
from reference.models import Territory

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


class BriefSource(Source):
    """« Ma collectivité »: an authority's brief, found by its name (accents, hyphens and
    « St » do not matter) or postcode. A few at most: a word may name hundreds of communes."""

    LIMIT = 5
    united = False
    columns = ()
    record_fields = ("code", "name", "level", "departement__name", "population")

    def queryset(self):
        return Territory.objects.filter(is_current=True)

    def find(self, query, limit):
        found = territories.find(query, limit=min(limit, self.LIMIT))
        # An exact name ranks above any text match; the others below the texts.
        return [
            Result(2.0 if getattr(t, "rank", 1) == 0 else 0.0, self, {"pk": t.pk, "name": t.name})
            for t in found
        ], len(found)

    def url(self, record):
        return reverse("briefs:brief", kwargs={"code": record["code"]})

    def kind(self, row):
        return _("My authority")

    def title(self, row):
        return row["name"]

    def text(self, record):
        parts = [str(Territory.Level(record["level"]).label)]
        if record["departement__name"]:
            parts.append(record["departement__name"])
        what = ", ".join(parts)
        # Only the first letter: « Commune, Pas-de-Calais », never « pas-de-calais ».
        return _("%(what)s: whom to call, the funding open to it, its « 1 %% » levers.") % {
            "what": what[:1].upper() + what[1:]
        }


class BriefToolSource(Source):
    """The tools every brief offers, found by what people type for them: « délibération »
    leads to the model deliberation, « 1 % », « Oudin-Santini » or « levier » to « Ma
    collectivité », where each authority's levers and calculator are."""

    united = False
    columns = ()
    LEVER_WORDS = {"levier", "leviers", "oudin", "santini", "pintat", "calculateur"}
    ONE_PERCENT = re.compile(r"(?<![\d,.])1\s?%")

    def find(self, query, limit):
        folded = normalize(query)
        words = set(re.findall(r"\w+", folded))
        found = []
        if words & {"deliberation", "deliberations"}:
            found.append(Result(1.5, self, {"pk": "deliberation"}))
        if self.ONE_PERCENT.search(folded) or words & self.LEVER_WORDS:
            found.append(Result(1.5, self, {"pk": "levers"}))
        return found, len(found)

    def complete(self, results):
        for result in results:
            if result.row["pk"] == "deliberation":
                result.title = _("Model council deliberation to engage in a cooperation")
                result.url = reverse("briefs:blank-deliberation")
                result.text = _(
                    "Find your authority in « My authority »: its model deliberation names its "
                    "council, its executive and its administrative court, ready to complete."
                )
            else:
                # « %% » in the catalogue: the strings are %-formatted (python-format).
                result.title = _("Your « 1 %% » levers and their calculator") % {}
                result.url = reverse("briefs:search")
                result.text = (
                    _(
                        "Find your authority: its page says who runs water, sanitation, energy, "
                        "waste and mobility there, and computes the 1 %% ceiling of each budget."
                    )
                    % {}
                )
            result.kind = _("My authority")

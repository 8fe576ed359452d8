"""The data page (/donnees/) and the DCAT catalogue (/donnees/catalogue.jsonld): the datasets
the apps declare (aict_site.datasets), their formats, licence, update date and schema."""

from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .datasets import LICENCE, collect

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class DataPage(TemplateView):
    template_name = "open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(datasets=collect(), licence=LICENCE, **kwargs)


def _moment(value):
    return {"@value": timezone.localtime(value).isoformat(), "@type": "xsd:dateTime"}


def catalogue(request):
    """The catalogue in DCAT (JSON-LD): what data.gouv.fr's harvester reads."""
    absolute = request.build_absolute_uri
    publisher = {"@type": "foaf:Organization", "foaf:name": "Lianes coopération"}
    licence = {"@id": LICENCE}
    datasets = []
    for dataset in collect():
        entry = {
            "@id": absolute(f"/donnees/#{dataset.key}"),
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.key,
            "dct:title": dataset.title,
            "dct:description": dataset.description,
            "dct:publisher": publisher,
            "dct:license": licence,
            "dcat:landingPage": {"@id": absolute(dataset.page)},
            "dcat:keyword": list(dataset.keywords),
            "dcat:distribution": [
                {
                    "@type": "dcat:Distribution",
                    "dct:title": distribution.title,
                    "dct:format": distribution.format,
                    "dcat:mediaType": distribution.media_type,
                    "dcat:accessURL": {"@id": absolute(distribution.url)},
                    "dcat:downloadURL": {"@id": absolute(distribution.url)},
                    "dct:license": licence,
                    **({"dct:conformsTo": {"@id": dataset.schema}} if dataset.schema else {}),
                }
                for distribution in dataset.distributions
            ],
        }
        if dataset.modified:
            entry["dct:modified"] = _moment(dataset.modified)
        datasets.append(entry)
    document = {
        "@context": CONTEXT,
        "@id": absolute("/donnees/catalogue.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": _("Open data of Lianes coopération"),
        "dct:description": _(
            "The funding schemes and calls, the engaged authorities, the events and the news "
            "of the international action of local authorities in Hauts-de-France."
        ),
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/FRA"},
        "dct:publisher": publisher,
        "dct:license": licence,
        "foaf:homepage": {"@id": absolute("/donnees/")},
        "dcat:dataset": datasets,
    }
    return JsonResponse(
        document,
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )

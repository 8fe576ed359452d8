"""The data page lists each dataset with its formats, licence, update date and schema, and the
DCAT catalogue says the same in RDF: read with rdflib, it has every property data.gouv.fr's
harvester uses (datasets with title, description, identifier, publisher, licence, update;
distributions with download address, media type and format)."""

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from tests.helpers import page_text

LICENCE = URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
SCHEMA = URIRef(
    "https://github.com/etalab/schema-dispositif-aide/raw/v0.2.0/build/dispositif-aide/schema.json"
)


@pytest.mark.django_db
def test_the_data_page_lists_each_dataset_and_is_linked_from_every_page(client, initial_content):
    home = client.get("/").content.decode()
    assert 'href="/donnees/">Données ouvertes</a>' in home
    html = page_text(client, "/donnees/")
    for title in ("Dispositifs de financement et leurs appels", "Collectivités engagées",
                  "Événements du réseau", "Actualités"):  # fmt: skip
        assert title in html
    assert 'href="/donnees/dispositifs.csv"' in html and 'href="/donnees/dispositifs.json"' in html
    assert 'href="/collectivites-engagees/export.csv"' in html
    assert "Licence Ouverte 2.0" in html and "« Dispositifs d’aides » v0.2.0" in html
    assert "Mis à jour le" in html


@pytest.mark.django_db
def test_the_dcat_catalogue_has_what_the_harvester_needs(client, initial_content):
    from tests.events.builders import make_event

    make_event()  # every dataset holds something, so each has its update date
    response = client.get("/donnees/catalogue.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    graph = Graph().parse(data=response.content, format="json-ld")
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert graph.value(catalog, DCTERMS.title) is not None
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert len(datasets) == 4
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        for needed in (DCTERMS.title, DCTERMS.description, DCTERMS.identifier, DCTERMS.modified):
            assert graph.value(dataset, needed) is not None, (dataset, needed)
        assert graph.value(dataset, DCTERMS.license) == LICENCE
        publisher = graph.value(dataset, DCTERMS.publisher)
        assert str(graph.value(publisher, FOAF.name)) == "Lianes coopération"
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert distributions
        for distribution in distributions:
            url = graph.value(distribution, DCAT.downloadURL)
            assert str(url).startswith("http://testserver/")
            assert client.get(str(url).removeprefix("http://testserver")).status_code == 200
            assert graph.value(distribution, DCAT.mediaType) is not None
            assert graph.value(distribution, DCTERMS.format) is not None
    schemes = next(d for d in datasets if str(graph.value(d, DCTERMS.identifier)) == "dispositifs")
    conforms = {
        graph.value(d, DCTERMS.conformsTo) for d in graph.objects(schemes, DCAT.distribution)
    }
    assert SCHEMA in conforms

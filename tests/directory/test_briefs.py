"""« Ma collectivité »: the search page, and a brief for a commune, an EPCI, a département and
the Région — whom to call, the schemes open to its type, its « 1 % » levers and calculator,
who is engaged near it, what is coming and how to start."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import Authority
from reference.models import AuthorityType
from tests.directory.territories import LILLE_EPCI, SAINT_OMER_EPCI, SMALL_COMMUNE, load_subset
from tests.events.builders import make_event
from tests.helpers import squashed

BRIEFS = {
    "commune": "/ma-collectivite/62765/",
    "epci": f"/ma-collectivite/{SAINT_OMER_EPCI}/",
    "departement": "/ma-collectivite/62/",
    "region": "/ma-collectivite/32/",
}


@pytest.fixture
def briefs(initial_content):
    load_subset()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return squashed(response.content.decode())


@pytest.mark.django_db
def test_the_search_page_finds_by_name_or_postcode_and_tells_homonyms_apart(client, briefs):
    html = page(client, "/ma-collectivite/?q=st-omer")
    assert (
        '<a href="/ma-collectivite/62765/">Saint-Omer</a> — commune, Pas-de-Calais (62), 62500'
        in html
    )
    assert page(client, "/ma-collectivite/?q=62500").count('href="/ma-collectivite/62765/"') == 1
    nothing = page(client, "/ma-collectivite/?q=Zzyzx-les-Bains")
    assert "Aucune collectivité des Hauts-de-France ne correspond à « Zzyzx-les-Bains »" in nothing
    assert client.get("/ma-collectivite/?q=%00").status_code == 400
    suggestions = client.get("/ma-collectivite/suggestions.json?q=saint%20om").json()["results"]
    assert suggestions[0] == {
        "name": "Saint-Omer", "label": "commune, Pas-de-Calais", "url": "/ma-collectivite/62765/",
    }  # fmt: skip


@pytest.mark.django_db
def test_homonyms_are_told_apart_by_their_departement(client, initial_content):
    from reference import territories

    territories.load(territories.read())
    html = page(client, "/ma-collectivite/?q=fleury")
    for departement in ("Aisne (02)", "Oise (60)", "Pas-de-Calais (62)", "Somme (80)"):
        assert f"Fleury</a> — commune, {departement}" in html


@pytest.mark.django_db
def test_a_communes_brief_says_who_it_is_whom_to_call_and_what_it_can_fund(client, briefs):
    html = page(client, BRIEFS["commune"])
    assert "<h1>Saint-Omer</h1>" in html
    assert "14 382 habitants" in html
    assert f'<a href="/ma-collectivite/{SAINT_OMER_EPCI}/">CA du Pays de Saint-Omer</a>' in html
    assert '<a href="/ma-collectivite/62/">Pas-de-Calais</a>' in html
    assert "Bureaux à Lille</strong> — le bureau qui couvre votre département" in html
    assert "Bureaux à Amiens" not in html.split("Qui appeler")[1].split("</section>")[0]
    commune = AuthorityType.objects.get(name="Commune")
    assert f'/financements/?collectivite={commune.pk}">' in html
    assert "Fonds citoyen franco-allemand" in html
    assert "Loi Oudin-Santini : 1 % eau et assainissement</a> — <strong>ouvert à votre type" in html
    assert "lorsqu’elle est chargée de ce service" in html, "the laws name the service's holder"
    assert "Faites adopter une délibération par votre assemblée" in html


@pytest.mark.django_db
def test_an_epci_a_departement_and_the_region_list_their_members(client, briefs):
    epci = page(client, BRIEFS["epci"])
    assert "communauté d’agglomération" in epci
    assert '<a href="/ma-collectivite/62765/">Saint-Omer</a>' in epci
    assert "population municipale de l’ensemble de ses communes" in epci
    departement = page(client, BRIEFS["departement"])
    assert (
        f'<a href="/ma-collectivite/{SAINT_OMER_EPCI}/">CA du Pays de Saint-Omer</a>' in departement
    )
    region = page(client, BRIEFS["region"])
    assert '<a href="/ma-collectivite/80/">Somme</a>' in region
    assert "Bureaux à Lille" in region and "Bureaux à Amiens" in region, "every office"
    amiens_side = page(client, f"/ma-collectivite/{SMALL_COMMUNE}/")
    assert "Bureaux à Amiens</strong> — le bureau qui couvre votre département" in amiens_side


@pytest.mark.django_db
def test_the_one_percent_calculator_answers_on_the_server_and_explains_bad_input(client, briefs):
    url = BRIEFS["commune"] + "?levier=1-pourcent-eau-assainissement&budget="
    html = page(client, url + "250+000")
    assert "avec 250 000 € de ressources annuelles, au plus <strong>2 500 €</strong> par an" in html
    assert "au plus <strong>1 234,56 €</strong>" in page(client, url + "123456%2C78")
    for typed, message in [
        ("abc", "Indiquez un montant en euros"),
        ("-5", "Un montant ne peut pas être négatif."),
        ("1e99", "Ce montant dépasse le budget de tout service."),
        ("", "Indiquez les ressources annuelles du service."),
    ]:
        response = client.get(url + typed)
        assert response.status_code == 200
        text = squashed(response.content.decode())
        assert message in text, typed
        assert 'aria-invalid="true"' in text and "au plus <strong>" not in text


@pytest.mark.django_db
def test_authorities_engaged_in_the_same_intercommunalite_come_first(client, briefs):
    from reference.models import Departement

    Authority.objects.create(name="Ville d’Arques", slug="arques", code="62040",
                             kind=AuthorityType.objects.get(name="Commune"),
                             departement=Departement.objects.get(code="62"),
                             is_published=True)  # fmt: skip
    html = page(client, BRIEFS["commune"])
    engaged = html.split("Engagées près de chez vous")[1].split("</section>")[0]
    assert engaged.index("Ville d’Arques") < engaged.index("Département du Pas-de-Calais")
    lille = page(client, "/ma-collectivite/59350/")
    assert "Ville de Lille" in lille and "Métropole Européenne de Lille" in lille


@pytest.mark.django_db
def test_events_in_the_authoritys_departement_come_first(client, briefs):
    from contacts.models import Office

    make_event("Rencontre à Lille", office=Office.objects.get(city="Lille"))
    make_event("Rencontre à Amiens", office=Office.objects.get(city="Amiens"))
    html = page(client, f"/ma-collectivite/{SMALL_COMMUNE}/")
    assert html.index("Rencontre à Amiens") < html.index("Rencontre à Lille")


@pytest.mark.django_db
def test_a_brief_costs_the_same_queries_whatever_the_authority(client, briefs):
    counts = {}
    for name, url in {**BRIEFS, "small commune": f"/ma-collectivite/{SMALL_COMMUNE}/",
                      "large commune": "/ma-collectivite/59350/",
                      "large epci": f"/ma-collectivite/{LILLE_EPCI}/"}.items():  # fmt: skip
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries)
    # Every shared fragment rendered afresh: the menu, the footer, the contact card…
    assert max(counts.values()) <= 20, counts
    assert counts["large commune"] == counts["commune"], counts
    # One query less where nobody nearby is in the directory: no cooperations to read.
    assert counts["small commune"] == counts["commune"] - 1, counts
    assert counts["epci"] == counts["large epci"], counts


@pytest.mark.django_db
def test_an_unknown_or_retired_code_is_a_404_and_the_site_search_finds_briefs(client, briefs):
    assert client.get("/ma-collectivite/00000/").status_code == 404
    results = page(client, "/recherche/?q=saint-omer")
    assert 'href="/ma-collectivite/62765/"' in results
    # The département's name as it is written everywhere else.
    assert "Commune, Pas-de-Calais" in results
    assert "Commune, pas-de-calais" not in results
    assert "/ma-collectivite/62765/" in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_the_model_deliberation_downloads_filled_in_and_staff_edit_its_text(
    client, staff_client, briefs
):
    import io

    from docx import Document

    brief = page(client, BRIEFS["commune"])
    assert '<a href="/ma-collectivite/62765/deliberation.docx">' in brief
    # Format and size, as the RGAA asks of a download.
    assert re.search(r"\.docx, environ [1-9]\d* Ko", brief)
    response = client.get("/ma-collectivite/62765/deliberation.docx")
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="deliberation-saint-omer-62765.docx"' in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Collectivité : Saint-Omer (commune)" in text
    assert "article L1115-1" in text and "MODÈLE À ADAPTER" in text
    printable = page(client, "/ma-collectivite/62765/deliberation/")
    assert (
        "Objet : engagement de Saint-Omer dans une action de coopération internationale"
        in printable
    )

    from directory.models import DeliberationModel

    model = DeliberationModel.current()
    form = staff_client.get(f"/gestion/directory/deliberationmodel/{model.pk}/change/")
    assert form.status_code == 200
    staff_client.post(
        f"/gestion/directory/deliberationmodel/{model.pk}/change/",
        {"title": "Délibération type", "body": "Le conseil de [COLLECTIVITÉ] décide.\n\nFin."},
    )
    response = Client().get("/ma-collectivite/62765/deliberation.docx")
    text = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert text == ["Délibération type", "Le conseil de Saint-Omer décide.", "Fin."]


@pytest.mark.django_db
def test_the_csv_import_links_by_insee_code_or_siren_and_reports_unknown_codes(
    staff_client, briefs
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    def upload(text):
        file = SimpleUploadedFile("import.csv", text.encode("utf-8"), content_type="text/csv")
        return staff_client.post(reverse("admin:directory_authority_import"), {"file": file})

    header = "collectivite,type,departement,code_insee_siren\n"
    refused = upload(header + "Ville inconnue,Commune,62,62999\n").content.decode()
    assert "Ligne 2 : code « 62999 » inconnu : aucune collectivité de la région ne l’a" in refused
    response = upload(
        header
        + f"Ville de Saint-Omer,Commune,62,62765\nCAPSO,Intercommunalité,62,{SAINT_OMER_EPCI}\n"
    )
    staff_client.post(
        reverse("admin:directory_authority_import"),
        {"confirm": "1", "payload": response.context["payload"]},
    )
    assert Authority.objects.get(name="Ville de Saint-Omer").territory.code == "62765"
    assert Authority.objects.get(name="CAPSO").territory.name == "CA du Pays de Saint-Omer"


@pytest.mark.django_db
@pytest.mark.parametrize("level", list(BRIEFS))
def test_every_level_has_its_office_its_schemes_and_a_working_calculator(client, briefs, level):
    html = page(client, BRIEFS[level])
    assert "Qui appeler" in html and "Bureaux à Lille" in html
    assert "Les financements qui vous sont ouverts" in html
    assert "Appel à projets généraliste de soutien à la coopération décentralisée" in html
    assert "Vos leviers « 1 % »" in html
    result = page(client, BRIEFS[level] + "?levier=1-pourcent-dechets&budget=1000000")
    assert "1 % déchets — avec 1 000 000 € de ressources annuelles, au plus" in result
    assert "<strong>10 000 €</strong>" in result


@pytest.mark.django_db
def test_a_brief_is_served_from_the_page_cache_the_second_time(client, briefs):
    assert client.get(BRIEFS["commune"]).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(BRIEFS["commune"]).status_code == 200
    assert len(queries) == 0

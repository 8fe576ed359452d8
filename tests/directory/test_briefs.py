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
from tests.helpers import page_text as page
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
    # The levers say who runs each service here, certain by law or to check, with sources.
    levers = html.split('id="one-percent"')[1].split("</section>")[0]
    epci_link = f'<a href="/ma-collectivite/{SAINT_OMER_EPCI}/">CA du Pays de Saint-Omer</a>'
    assert (
        "Collecte et traitement des déchets des ménages</a></strong> (article L1115-2 du CGCT) — "
        f"ici, il appartient à votre intercommunalité, {epci_link} : parlez-en avec elle "
        "(certain : compétence obligatoire des communautés d’agglomération depuis le 1er janvier "
        "2017 (loi NOTRe)" in levers
    )
    assert "Mobilité et transports</a></strong> (article L1115-3 du CGCT) — ici, il" in levers
    assert "Distribution d’électricité et de gaz</a></strong> (article L1115-1-1 du CGCT)" in levers
    assert "<strong>à vérifier</strong> : la commune, ou le groupement" in levers
    assert 'href="https://dechets-infos.com/' in levers
    assert "ouvert à votre type" not in html
    # The commune's calculator offers only what it may run itself.
    assert '<option value="energie">' in levers and '<option value="eau">' not in levers
    assert "Faites adopter une délibération par votre assemblée" in html


@pytest.mark.django_db
def test_an_epci_a_departement_and_the_region_list_their_members(client, briefs):
    epci = page(client, BRIEFS["epci"])
    assert "<h1>Communauté d’agglomération du Pays de Saint-Omer</h1>" in epci
    assert '<a href="/ma-collectivite/62765/">Saint-Omer</a>' in epci
    assert "Ses 53 communes membres dans la région" in epci
    assert "(population municipale de toutes ses communes, INSEE)" in epci
    departement = page(client, BRIEFS["departement"])
    assert (
        f'<a href="/ma-collectivite/{SAINT_OMER_EPCI}/">CA du Pays de Saint-Omer</a>' in departement
    )
    region = page(client, BRIEFS["region"])
    assert '<a href="/ma-collectivite/80/">Somme</a>' in region
    assert "Ses cinq départements" in region
    assert "Bureaux à Lille" in region and "Bureaux à Amiens" in region, "every office"
    amiens_side = page(client, f"/ma-collectivite/{SMALL_COMMUNE}/")
    assert "Bureaux à Amiens</strong> — le bureau qui couvre votre département" in amiens_side


@pytest.mark.django_db
def test_the_one_percent_calculator_answers_on_the_server_and_explains_bad_input(client, briefs):
    url = BRIEFS["epci"] + "?levier=eau&budget="
    html = page(client, url + "250+000")
    assert (
        "Eau potable — avec 250 000 € de ressources annuelles, au plus <strong>2 500 €</strong> "
        "par an (1 %, article L1115-1-1 du CGCT)" in html
    )
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
    assert max(counts.values()) <= 21, counts
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
    assert "Commune de Saint-Omer — extrait du registre des délibérations du conseil" in text
    assert "article L1115-1" in text and "MODÈLE À ADAPTER" in text
    assert "Vu l’article L2121-29 du même code" in text
    assert "Article 3 : D’engager pour ce projet [montant] €" in text
    assert "recours devant le tribunal administratif de Lille" in text
    printable = page(client, "/ma-collectivite/62765/deliberation/")
    assert (
        "Objet : engagement de la commune de Saint-Omer dans une action de coopération "
        "internationale" in printable
    )
    assert "Retour à la page de la commune de Saint-Omer" in printable

    from directory.models import DeliberationModel

    model = DeliberationModel.current()
    form = staff_client.get(f"/gestion/directory/deliberationmodel/{model.pk}/change/")
    assert form.status_code == 200
    staff_client.post(
        f"/gestion/directory/deliberationmodel/{model.pk}/change/",
        {"title": "Délibération type", "body": "[LE CONSEIL] [DE LA COLLECTIVITÉ] décide.\n\nFin."},
    )
    response = Client().get("/ma-collectivite/62765/deliberation.docx")
    text = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    expected = "Le conseil municipal de la commune de Saint-Omer décide."
    assert text == ["Délibération type", expected, "Fin."]


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
def test_every_level_has_its_office_its_schemes_and_its_levers_or_what_instead(
    client, briefs, level
):
    html = page(client, BRIEFS[level])
    assert "Qui appeler" in html and "Bureaux à Lille" in html
    assert "Les financements qui vous sont ouverts" in html
    assert "Appel à projets généraliste de soutien à la coopération décentralisée" in html
    assert "Vos leviers « 1 % »" in html
    if level in ("departement", "region"):
        # No lever is theirs: no calculator, and what they can do instead.
        assert 'class="calculator"' not in html
        assert "Ce que votre collectivité peut faire à la place" in html
        assert "l’article L1115-1 du CGCT permet à toute collectivité" in html
        return
    service = "energie" if level == "commune" else "dechets"
    result = page(client, BRIEFS[level] + f"?levier={service}&budget=1000000")
    assert "— avec 1 000 000 € de ressources annuelles, au plus" in result
    assert "<strong>10 000 €</strong>" in result


@pytest.mark.django_db
def test_a_brief_is_served_from_the_page_cache_the_second_time(client, briefs):
    assert client.get(BRIEFS["commune"]).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(BRIEFS["commune"]).status_code == 200
    assert len(queries) == 0


NORTH_PICARDY_CC = "200070951"  # CC du Territoire Nord Picardie, Agenville's


def levers_of(client, code):
    html = page(client, f"/ma-collectivite/{code}/")
    return html.split('id="one-percent"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_each_level_reads_who_runs_each_service_and_gets_only_the_levers_it_can_hold(
    client, briefs
):
    # A commune of a CC: waste is the CC's by law; water, sanitation and mobility to check.
    commune_cc = levers_of(client, SMALL_COMMUNE)
    cc_link = f'<a href="/ma-collectivite/{NORTH_PICARDY_CC}/">CC du Territoire Nord Picardie</a>'
    assert f"ici, il appartient à votre intercommunalité, {cc_link}" in commune_cc
    assert (
        "<strong>à vérifier</strong> : la communauté de communes l’exerce si toutes ses communes "
        "la lui avaient transférée le 11 avril 2025" in commune_cc
    )
    assert "<strong>à vérifier</strong> : la communauté de communes si elle a choisi" in commune_cc
    assert 'href="https://securibase.com/' in commune_cc and 'href="https://gart.org/' in commune_cc
    assert '<option value="eau">' in commune_cc and '<option value="dechets">' not in commune_cc
    # The CC itself: waste is its own for certain, water and mobility to check.
    cc = levers_of(client, NORTH_PICARDY_CC)
    assert "<strong>votre collectivité exerce ce service</strong> : ce levier lui est ouvert" in cc
    assert cc.count("<strong>à vérifier</strong>") == 4  # water, sanitation, energy, mobility
    assert '<option value="mobilite">' in cc and '<option value="dechets">' in cc
    # A CA (and a métropole): every service but energy is theirs by law, mobility included.
    ca = levers_of(client, SAINT_OMER_EPCI)
    assert ca.count("<strong>votre collectivité exerce ce service</strong>") == 4
    assert "autorité organisatrice de la mobilité de droit" in ca
    # Lille reads that the MEL holds them.
    lille = levers_of(client, "59350")
    assert 'ici, il appartient à votre intercommunalité, <a href="/ma-collectivite/' in lille
    assert "Métropole Européenne de Lille</a> : parlez-en avec elle" in lille
    # A département and the Région: no lever, no calculator, what they can do instead.
    for code in ("62", "32"):
        other = levers_of(client, code)
        assert 'class="calculator"' not in other and "Ce que votre collectivité peut faire" in other


@pytest.mark.django_db
def test_the_finder_lists_the_mobility_lever_for_an_intercommunalite(client, briefs):
    epci = AuthorityType.objects.get(name="Intercommunalité")
    html = page(client, f"/financements/?collectivite={epci.pk}&theme=mobilite-transports")
    assert "1 % mobilité et transports" in html


@pytest.mark.django_db
def test_the_calculator_keeps_water_and_sanitation_apart_and_leaves_out_the_versement(
    client, briefs
):
    url = BRIEFS["epci"] + "?levier=mobilite&budget=1+000+000&versement=400+000"
    html = page(client, url)
    assert (
        "Mobilité et transports — avec 1 000 000 € de ressources annuelles, moins 400 000 € de "
        "versement mobilité, au plus <strong>6 000 €</strong> par an (1 %, article L1115-3 du CGCT)"
        in html
    )
    water = page(client, BRIEFS["epci"] + "?levier=eau&budget=1000&versement=10")
    assert "Le versement mobilité ne concerne que la mobilité." in water
    assert "au plus <strong>" not in water
    too_much = page(client, BRIEFS["epci"] + "?levier=mobilite&budget=1000&versement=2000")
    assert "Le versement mobilité ne peut pas dépasser les ressources." in too_much
    sanitation = page(client, BRIEFS["epci"] + "?levier=assainissement&budget=500000")
    assert "Assainissement — avec 500 000 € de ressources annuelles, au plus" in sanitation


@pytest.mark.django_db
def test_a_cross_border_intercommunalite_says_what_lies_in_the_region_and_outside(
    client, initial_content
):
    villes_soeurs = "247600588"
    load_subset(epcis=(villes_soeurs,), communes=())
    html = page(client, f"/ma-collectivite/{villes_soeurs}/")
    assert "<h1>Communauté de communes des Villes Sœurs</h1>" in html
    assert "Ses 13 communes membres dans la région" in html
    assert (
        "Une intercommunalité à cheval sur deux régions : 13 communes membres dans les "
        "Hauts-de-France et 15 hors de la région." in html
    )
    assert re.search(r"Population municipale : [\d ]+ habitants dans la région, [\d ]+ hors", html)
    assert "Département (sa partie dans la région)" in html


@pytest.mark.django_db
def test_the_docx_is_an_a4_french_office_file_of_its_own(client, briefs):
    import io
    import zipfile

    from django.utils import timezone
    from docx import Document

    data = client.get(f"/ma-collectivite/{SAINT_OMER_EPCI}/deliberation.docx").content
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.cm, 1) == 2.5
    properties = document.core_properties
    assert properties.author == "Lianes coopération" and properties.language == "fr-FR"
    assert properties.title.startswith("Délibération")
    assert properties.created.date() == timezone.now().date()
    parts = zipfile.ZipFile(io.BytesIO(data))
    xml = b"".join(parts.read(name) for name in parts.namelist() if name.endswith(".xml"))
    assert b"en-US" not in xml and b"python-docx" not in xml
    assert b'w:lang w:val="fr-FR"' in parts.read("word/styles.xml")
    assert not [name for name in parts.namelist() if "thumbnail" in name]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Le conseil communautaire," in text and "d’autoriser le président à la signer" in text
    article = next(p for p in document.paragraphs if p.text.startswith("Article 1er"))
    assert article.runs[0].bold and article.runs[0].text == "Article 1er :"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["délibération", "1 %", "1%", "loi Oudin-Santini"])
def test_the_site_search_finds_the_deliberation_and_the_levers(client, briefs, query):
    from urllib.parse import quote

    html = page(client, f"/recherche/?q={quote(query)}")
    if query == "délibération":
        assert 'href="/ma-collectivite/modele-de-deliberation/"' in html
        assert "Modèle de délibération pour engager une coopération" in html
    else:
        assert 'href="/ma-collectivite/"' in html
        assert "Vos leviers « 1 % » et leur calculateur" in html


@pytest.mark.django_db
def test_a_directory_authority_and_its_brief_name_the_same_body(client, initial_content):
    dunkerque = "245900428"
    load_subset(epcis=(dunkerque,), communes=())
    authority = Authority.objects.get(name="Dunkerque Grand Littoral")
    html = page(client, authority.get_absolute_url())
    assert (
        f'Son nom officiel : <a href="/ma-collectivite/{dunkerque}/">Communauté urbaine de '
        "Dunkerque</a>, sa page dans « Ma collectivité »" in html
    )
    brief = page(client, f"/ma-collectivite/{dunkerque}/")
    assert "<h1>Communauté urbaine de Dunkerque</h1>" in brief


@pytest.mark.django_db
def test_briefs_and_deliberations_served_for_awkward_names_are_written_in_french(
    client, initial_content
):
    from reference.names import mistakes

    # A name starting with a vowel, « Le », « La », « L’ », « Œ », one letter; the EPCI of each.
    communes = ("80021", "62826", "59051", "80296", "02565", "80829", "62041")
    load_subset(epcis=(), communes=communes)
    codes = [*communes, "248000531", "200069029", "02", "59", "60", "62", "80", "32"]
    for code in codes:
        for path in (f"/ma-collectivite/{code}/", f"/ma-collectivite/{code}/deliberation/"):
            text = re.sub(r"<[^>]+>", "", page(client, path))
            assert not mistakes(text), (path, mistakes(text))
    touquet = page(client, "/ma-collectivite/62826/deliberation/")
    assert "engagement de la commune du Touquet-Paris-Plage dans une action" in touquet
    assert "Retour à la page de la commune du Touquet-Paris-Plage" in touquet

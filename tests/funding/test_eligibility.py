"""Eligibility as the sources say it, alike in the finder, the scheme pages and the alerts: a
scheme open to every theme, type or country matches any choice of that filter; the generalist
call is open to every country but those of a joint fund; CERV to the EU and its associated
countries; FICOL and Territoires Volontaires to the countries eligible to official development
aid (audit of 2026-12-06, N4 and N9)."""

import re

import pytest

from reference.models import AuthorityType, Country
from tests.helpers import squashed


def listed(client, **params):
    html = client.get("/financements/", params).content.decode()
    return set(re.findall(r'<h3><a href="/financements/([^/]+)/">', html))


@pytest.mark.django_db
def test_a_commune_with_a_senegalese_youth_partner_finds_the_franco_senegalese_call(
    client, initial_content
):
    commune = AuthorityType.objects.get(name="Commune")
    found = listed(client, collectivite=commune.pk, theme="jeunesse", pays="SN")
    # No theme named by its source: open to every theme, youth included.
    assert "appel-franco-senegalais" in found
    assert "appels-thematiques-dctciv" in found and "erasmus-plus" in found
    # The generalist call leaves Senegal to the joint fund; FICOL is open to ODA countries.
    assert "appel-a-projets-generaliste-dctciv" not in found
    assert "ficol" in found


@pytest.mark.django_db
def test_a_moroccan_partnership_is_not_offered_the_generalist_call_nor_cerv(
    client, initial_content
):
    found = listed(client, pays="MA")
    assert "appel-a-projets-generaliste-dctciv" not in found
    assert "cerv-jumelages-reseaux-de-villes" not in found
    assert {"fonds-franco-marocain", "ficol", "territoires-volontaires"} <= found
    assert "appel-franco-senegalais" not in found
    # A German partnership: CERV (EU) and the generalist call, not the ODA-only schemes.
    german = listed(client, pays="DE")
    assert {"cerv-jumelages-reseaux-de-villes", "appel-a-projets-generaliste-dctciv"} <= german
    assert "ficol" not in german and "territoires-volontaires" not in german


@pytest.mark.django_db
def test_syndicats_mixtes_find_ficol_and_cerv_names_its_applicants(client, initial_content):
    syndicat = AuthorityType.objects.get(name="Syndicat mixte")
    assert "ficol" in listed(client, collectivite=syndicat.pk)
    cerv = squashed(client.get("/financements/cerv-jumelages-reseaux-de-villes/").content.decode())
    assert "non précisé par la source" not in cerv
    assert "Commune, Intercommunalité, Département, Région" in cerv
    assert 'href="https://www.mreza-mira.net/' in cerv


@pytest.mark.django_db
def test_the_scheme_pages_say_which_countries_with_their_source(client, initial_content):
    generalist = squashed(
        client.get("/financements/appel-a-projets-generaliste-dctciv/").content.decode()
    )
    assert "tous les pays sauf : " in generalist
    assert "Maroc" in generalist.split("tous les pays sauf : ")[1][:200]
    assert "l’appel de 2018 nomme ces pays" in generalist
    ficol = squashed(client.get("/financements/ficol/").content.decode())
    assert (
        "seulement : Pays éligibles à l’aide publique au développement (liste du CAD de l’OCDE)"
        in ficol
    )
    assert "Syndicat mixte" in ficol and 'href="https://www.afd.fr/' in ficol
    assert "tous les pays" in squashed(client.get("/financements/faceco/").content.decode())


@pytest.mark.django_db
def test_alerts_for_a_moroccan_partnership_leave_out_the_generalist_call(initial_content):
    from funding.alerts import CallSource
    from funding.models import Scheme
    from tests.funding.builders import make_call

    generalist = Scheme.objects.get(slug="appel-a-projets-generaliste-dctciv")
    ficol = Scheme.objects.get(slug="ficol")
    calls = [make_call(generalist, opens_in_days=10, closes_in_days=60),
             make_call(ficol, opens_in_days=10, closes_in_days=60)]  # fmt: skip
    every_code = list(Country.objects.values_list("code", flat=True))
    source = CallSource()
    facets = {call.scheme.slug: source.item(call, every_code).facets for call in calls}
    assert "MA" not in facets["appel-a-projets-generaliste-dctciv"]["countries"]
    assert "DE" in facets["appel-a-projets-generaliste-dctciv"]["countries"]
    assert "MA" in facets["ficol"]["countries"] and "DE" not in facets["ficol"]["countries"]
    # No theme named: every theme (None matches any choice).
    assert facets["appel-a-projets-generaliste-dctciv"]["themes"] is None

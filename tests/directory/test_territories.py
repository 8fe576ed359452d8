"""The region's authorities from the official data file: loaded once, refreshed in place, found
by name or postcode whatever the accents and hyphens."""

import pytest
from django.core.management import call_command

from directory.models import Authority
from reference import territories
from reference.models import AuthorityType, Territory
from tests.directory.territories import SAINT_OMER_EPCI, load_subset, subset


@pytest.mark.django_db
def test_the_data_file_loads_the_region_and_a_second_load_changes_nothing(capsys):
    call_command("load_territories")
    assert "3880 created" in capsys.readouterr().out
    current = Territory.objects.filter(is_current=True)
    assert current.filter(level="commune").count() == 3782
    assert current.filter(level="epci").count() == 92
    assert current.filter(level="departement").count() == 5
    assert current.get(level="region").name == "Hauts-de-France"
    saint_omer = Territory.objects.get(code="62765")
    assert saint_omer.name == "Saint-Omer" and saint_omer.postcodes == "62500"
    assert saint_omer.epci.name == "CA du Pays de Saint-Omer"
    assert saint_omer.departement.code == "62"
    assert saint_omer.population == 14382
    # Each commune belongs to one EPCI of the file.
    assert current.filter(level="commune", epci__isnull=True).count() == 0

    call_command("load_territories")
    assert "0 created, 0 updated, 0 no longer current" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_newer_file_updates_in_place_and_keeps_what_staff_linked(initial_content):
    load_subset()
    kind = AuthorityType.objects.get(name="Commune")
    linked = Authority.objects.create(name="Ville d’Arques", slug="arques", kind=kind, code="62040")
    assert linked.territory.name == "Arques"
    assert [t.name for t in territories.find("62765")] == ["Saint-Omer"]
    before = Territory.objects.get(code="62040").pk

    newer = subset()
    for commune in newer["communes"]:
        if commune["code"] == "62040":
            commune.update(name="Arques-sur-Aa", population=10000, epci="")
    newer["communes"] = [c for c in newer["communes"] if c["code"] != "62765"]
    outcome = territories.load(newer)

    # Arques, and the populations of the Pas-de-Calais and the Région, which add up communes.
    assert (outcome.created, outcome.updated, outcome.retired) == (0, 3, 1)
    arques = Territory.objects.get(code="62040")
    assert arques.pk == before and arques.name == "Arques-sur-Aa" and arques.epci is None
    linked.refresh_from_db()
    assert linked.territory_id == before, "the directory's link is kept"
    assert not Territory.objects.get(code="62765").is_current, "kept, no longer current"
    # What the search finds follows the new file at once, in every worker.
    assert [t.name for t in territories.find("arques sur")] == ["Arques-sur-Aa"]
    assert territories.find("62765") == []
    assert "Saint-Omer" not in [t.name for t in territories.find("saint omer")]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["saint omer", "St-Omer", "SAINT-OMER", "62500", "st omer"])
def test_an_authority_is_found_whatever_the_accents_hyphens_and_abbreviations(query):
    load_subset()
    found = territories.find(query)[0]
    assert found.name == "Saint-Omer" and found.departement.code == "62"
    # Made from what each worker keeps; what it does not keep is read when asked for.
    assert found.epci.name == "CA du Pays de Saint-Omer" and found.siren


@pytest.mark.django_db
def test_a_code_the_official_data_does_not_know_is_refused_with_a_french_message(initial_content):
    from django.core.exceptions import ValidationError

    load_subset()
    authority = Authority(name="Inconnue", slug="inconnue", code="99999",
                          kind=AuthorityType.objects.get(name="Commune"))  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        authority.full_clean()
    assert "Aucune collectivité de la région n’a ce code INSEE ou ce SIREN." in str(refused.value)
    epci = Authority(name="CAPSO", slug="capso", code=SAINT_OMER_EPCI,
                     kind=AuthorityType.objects.get(name="Intercommunalité"))  # fmt: skip
    epci.full_clean()
    epci.save()
    assert epci.territory.name == "CA du Pays de Saint-Omer"


@pytest.mark.django_db
def test_a_postcode_finds_its_communes_first_and_an_insee_code_is_said_to_be_one(client):
    """62500 is Saint-Omer's postcode (shared by its neighbours) and Lespesses' INSEE code."""
    load_subset(communes=("62500",))
    found = territories.find("62500")
    names = [t.name for t in found]
    assert names[-1] == "Lespesses" and "Saint-Omer" in names[:-1]
    assert getattr(found[-1], "matched_by_code", False)
    html = client.get("/ma-collectivite/", {"q": "62500"}).content.decode()
    assert "Lespesses</a>" in html and "code INSEE 62500" in html
    lespesses = html.split("Lespesses</a>")[1].split("</li>")[0]
    assert "62500" in lespesses and "62190" not in lespesses


def test_names_from_the_data_are_written_as_french_typography_writes_them():
    assert territories.french_name("CU d'Arras") == "CU d’Arras"
    assert territories.french_name("CC des Villes Soeurs") == "CC des Villes Sœurs"
    assert territories.french_name("CA Coeur de Flandre") == "CA Cœur de Flandre"
    assert territories.french_name("Coeuvres-et-Valsery") == "Coeuvres-et-Valsery"
    assert territories.fold("CA Cœur de Flandre") == territories.fold("ca coeur de flandre")


@pytest.mark.django_db
def test_a_loaded_name_has_its_curly_apostrophe_and_ligature_and_is_found_either_way(client):
    load_subset(epcis=("200040947", "200033579"), communes=())
    assert Territory.objects.get(code="200033579").name == "CU d’Arras"
    for query in ("coeur de flandre", "Cœur de Flandre"):
        assert [t.name for t in territories.find(query)][:1] == ["CA Cœur de Flandre"]
    html = client.get("/ma-collectivite/200033579/").content.decode()
    assert "CU d’Arras" in html and "CU d'Arras" not in html and "CU d&#x27;Arras" not in html


@pytest.mark.django_db
def test_names_loaded_before_are_brought_in_line_by_a_migration():
    import importlib

    from django.apps import apps

    load_subset(epcis=("200033579",), communes=())
    Territory.objects.filter(code="200033579").update(name="CU d'Arras")
    importlib.import_module("reference.migrations.0007_french_names").forwards(apps, None)
    assert Territory.objects.get(code="200033579").name == "CU d’Arras"

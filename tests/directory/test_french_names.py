"""Every authority of the region named as French writes it, in its model deliberation and in
the sentences of its brief that carry its name (« engagement de la commune d’Amiens », « du
Touquet-Paris-Plage », « du Département du Nord »): checked on all 3,880 territories of the
data file, without a database (names, rules and templates only)."""

import pytest
from django.template.loader import render_to_string

from directory.deliberation_text import values_for
from directory.models import DELIBERATION_FILE, DeliberationModel
from reference import names, territories
from reference.competences import holdings
from reference.models import Departement, Level, Territory


def every_territory():
    """The data file's territories as the brief reads them (level, name, legal form,
    département, intercommunalité), built in memory."""
    data = territories.read()
    departements = {
        d["code"]: Departement(pk=int(d["code"]), code=d["code"], name=d["name"])
        for d in data["departements"]
    }

    def territory(level, code, name, departement=None, **extra):
        record = Territory(level=level, code=code, name=territories.french_name(name), **extra)
        record.departement = departements.get(departement)
        return record

    epcis = {}
    for e in data["epci"]:
        epcis[e["siren"]] = territory(Level.EPCI, e["siren"], e["name"], legal_form=e["form"])
    found = list(epcis.values())
    for c in data["communes"]:
        commune = territory(Level.COMMUNE, c["code"], c["name"], c["departement"])
        commune.epci = epcis.get(c["epci"])
        found.append(commune)
        # An EPCI's département, as the loader gives it: one of its communes'.
        if commune.epci and commune.epci.departement is None:
            commune.epci.departement = departements[c["departement"]]
    for d in data["departements"]:
        found.append(territory(Level.DEPARTEMENT, d["code"], d["name"], d["code"]))
    found.append(territory(Level.REGION, data["region"]["code"], data["region"]["name"]))
    return found


TERRITORIES = every_territory()


def model():
    title, body = DELIBERATION_FILE.read_text(encoding="utf-8").strip().split("\n", 1)
    return DeliberationModel(title=title.strip(), body=body.strip())


def test_the_mistakes_check_catches_what_french_would_not_write():
    for wrong in [
        "engagement de Amiens", "de Le Touquet-Paris-Plage", "à Les Moëres", "de Nord",
        "de Hauts-de-France", "de CA du Pays de Saint-Omer", "de Aisne", "de Oise",
    ]:  # fmt: skip
        assert names.mistakes(wrong), wrong
    for right in ["d’Amiens", "du Touquet-Paris-Plage", "de La Bassée", "de L’Étoile", "de Lille"]:
        assert not names.mistakes(right), right


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("80021", "de la commune d’Amiens"),
        ("62826", "de la commune du Touquet-Paris-Plage"),
        ("59051", "de la commune de La Bassée"),
        ("59", "du Département du Nord"),
        ("62", "du Département du Pas-de-Calais"),
        ("02", "du Département de l’Aisne"),
        ("60", "du Département de l’Oise"),
        ("80", "du Département de la Somme"),
        ("32", "de la Région Hauts-de-France"),
        ("200069037", "de la Communauté d’agglomération du Pays de Saint-Omer"),
        ("200093201", "de la Métropole Européenne de Lille"),
        ("247600588", "de la Communauté de communes des Villes Sœurs"),
    ],
)
def test_an_authority_is_named_with_its_article_and_elision(code, expected):
    territory = next(t for t in TERRITORIES if t.code == code)
    assert names.of_territory(territory) == expected


def test_the_deliberation_and_the_brief_of_every_territory_are_written_in_french():
    deliberation = model()
    faults = {}
    for territory in TERRITORIES:
        values = values_for(territory)
        text = "\n".join(deliberation.filled_in(values))
        brief = render_to_string(
            "funding/_one_percent.html",
            {"territory": territory, "services": holdings(territory), "level": 2, "sublevel": 3},
        )
        found = names.mistakes(text) + names.mistakes(brief)
        found += names.mistakes(f"Retour à la page {names.of_territory(territory)}")
        if found:
            faults[territory.code] = found
    assert not faults, dict(list(faults.items())[:10])
    assert len(TERRITORIES) == 3880


@pytest.mark.parametrize(
    ("code", "council", "executive", "court", "visa"),
    [
        ("80021", "Le conseil municipal", "le maire", "d’Amiens", "L2121-29"),
        ("59350", "Le conseil municipal", "le maire", "de Lille", "L2121-29"),
        ("200069037", "Le conseil communautaire", "le président", "de Lille", "L5211-1"),
        ("200093201", "Le conseil de la métropole", "le président", "de Lille", "L5211-1"),
        ("02", "Le conseil départemental", "le président du conseil départemental", "d’Amiens",
         "L3211-1"),
        ("32", "Le conseil régional", "le président du conseil régional", "de Lille", "L4221-1"),
    ],
)  # fmt: skip
def test_each_level_names_its_council_executive_court_and_competence(
    code, council, executive, court, visa
):
    territory = next(t for t in TERRITORIES if t.code == code)
    text = "\n".join(model().filled_in(values_for(territory)))
    assert f"\n{council},\n" in text
    assert f"d’autoriser {executive} à la signer" in text
    assert f"recours devant le tribunal administratif {court} dans un délai de deux mois" in text
    assert f"Vu l’article {visa} du même code" in text
    assert "Article 1er : " in text and "Article 3 : D’engager pour ce projet [montant] €" in text
    levers = "vu l’article L1115-1-1 du même code" in text
    assert levers == (territory.level in (Level.COMMUNE, Level.EPCI))


def test_the_blank_model_says_what_to_write_in_each_bracket():
    text = "\n".join(model().filled_in(values_for(None)))
    assert "[Le conseil municipal, communautaire, départemental ou régional]," in text
    assert "tribunal administratif [de Lille pour le Nord et le Pas-de-Calais" in text
    assert "[LE CONSEIL]" not in text and "[TRIBUNAL]" not in text

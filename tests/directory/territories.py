"""The official territory data for tests: the whole file, or a few EPCI and their communes
(a brief needs its neighbours, not the region's 3,880 records)."""

import copy

from reference import territories

# Saint-Omer and its agglomeration; Lille and its métropole; a small commune of the Somme.
SAINT_OMER_EPCI = "200069037"
LILLE_EPCI = "200093201"
SMALL_COMMUNE = "80005"  # Agenville, 83 inhabitants


def subset(epcis=(SAINT_OMER_EPCI, LILLE_EPCI), communes=(SMALL_COMMUNE,)):
    data = copy.deepcopy(territories.read())
    kept = [c for c in data["communes"] if c["epci"] in epcis or c["code"] in communes]
    kept_epcis = {c["epci"] for c in kept}
    data["communes"] = kept
    data["epci"] = [e for e in data["epci"] if e["siren"] in kept_epcis]
    return data


def load_subset(**kwargs):
    return territories.load(subset(**kwargs))

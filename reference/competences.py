"""Who exercises each service a « 1 % » lever draws on, for one authority of the region: the
rules of reference/data/competences.json (by legal form of the intercommunalité, each with its
sources), applied to a commune through its intercommunalité and to an intercommunalité
directly. Départements and the Région hold none of these services' levers.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .models import Level

DATA_FILE = Path(__file__).resolve().parent / "data" / "competences.json"
ANY_FORM = "*"


@dataclass
class Holding:
    key: str
    name: str
    article: str
    # True when the law gives the service to one body; False: « à vérifier ».
    certain: bool
    # Whether the authority the brief is about may itself hold the service (and its lever).
    yours: bool
    # The intercommunalité when it holds (or may hold) the service, else None.
    epci: object
    why: str
    sources: list = field(default_factory=list)


@cache
def rules():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def _rule(service, legal_form):
    return service["rules"].get(legal_form) or service["rules"].get(ANY_FORM)


def holdings(territory):
    """One Holding per service for a commune or an intercommunalité; [] for the others."""
    if territory.level == Level.COMMUNE:
        epci, viewer = territory.epci, "commune"
    elif territory.level == Level.EPCI:
        epci, viewer = territory, "epci"
    else:
        return []
    data = rules()
    result = []
    for service in data["services"]:
        rule = _rule(service, epci.legal_form if epci else "")
        if rule is None:
            # A commune outside any intercommunalité: the law does not say who, for us.
            rule = {"certain": False, "commune": True, "epci": False, "why": "", "sources": []}
        result.append(
            Holding(
                key=service["key"],
                name=service["name"],
                article=service["article"],
                certain=rule["certain"],
                yours=rule[viewer],
                epci=epci if rule["epci"] else None,
                why=rule["why"],
                sources=[data["sources"][key] for key in rule["sources"]],
            )
        )
    return result


def is_mobility_authority_by_law(territory):
    """Métropoles, communautés urbaines and communautés d’agglomération are autorités
    organisatrices de la mobilité by law (the « mobilite » rules above)."""
    if territory.level != Level.EPCI:
        return False
    service = next(s for s in rules()["services"] if s["key"] == "mobilite")
    rule = service["rules"].get(territory.legal_form)
    return bool(rule and rule["certain"] and rule["epci"])

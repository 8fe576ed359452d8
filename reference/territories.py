"""The region's authorities from the official data file: loading it, and finding one by name
or postcode.

The file (reference/data, made by scripts/extract-territories.py) is the only source: a load
creates what is new, updates names, populations, postcodes and memberships in place, so that
what staff linked to a territory stays linked, and marks as no longer current what the file
no longer lists. A second load of the same file changes nothing.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, transaction
from django.dispatch import Signal

from aict_site.caching.memory import remembered
from aict_site.search import normalize

from .models import Departement, Level, Territory

# Sent after a load, so that records of other apps that name a territory by its code (the
# directory's authorities) link to it.
loaded = Signal()

DATA_FILE = Path(__file__).resolve().parent / "data" / "territories-hauts-de-france.json"

# « St-Omer » and « Saint-Omer » are one name; so are « Ste » and « Sainte ».
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
FIELDS = [
    "siren", "level", "name", "search_name", "legal_form", "departement_id", "epci_id",
    "postcodes", "population", "members_elsewhere", "is_current",
]  # fmt: skip


# The official file writes names as a keyboard does: « CU d'Arras », « CA Coeur de Flandre ».
_LIGATURES = re.compile(r"\b([CcSs])oeur(s?)\b")


def french_name(name):
    """A name as French typography writes it: a curly apostrophe, « Cœur », « Sœurs »."""
    return _LIGATURES.sub(r"\1œur\2", name.replace("'", "’"))


def fold(text):
    """A name as search compares it: lower case, no accents, words only, abbreviations
    spelt out: « St-Omer », « saint omer » and « SAINT-OMER » all fold to « saint omer »;
    « Cœur » and « Coeur » both to « coeur »."""
    text = (text or "").replace("œ", "oe").replace("Œ", "Oe")
    words = re.split(r"[^0-9a-z]+", normalize(text))
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words if word)


def read(path=DATA_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    retired: int = 0

    @property
    def changed(self):
        return self.created + self.updated + self.retired


def load(data):
    """Bring the territories in line with `data` (the file's contents); an Outcome."""
    outcome = Outcome()
    # The migrations create the five départements; a database emptied since (a test's flush)
    # gets them back from the file, whose names are the official ones.
    for departement in data["departements"]:
        Departement.objects.get_or_create(
            code=departement["code"], defaults={"name": departement["name"]}
        )
    departements = {d.code: d.pk for d in Departement.objects.all()}
    with transaction.atomic():
        existing = {t.code: t for t in Territory.objects.select_for_update()}
        # Upper levels first: members point at them.
        wanted = _records(data, departements)
        for level in (Level.REGION, Level.DEPARTEMENT, Level.EPCI, Level.COMMUNE):
            _apply([r for r in wanted if r["level"] == level], existing, outcome)
        listed = {record["code"] for record in wanted}
        gone = [t for code, t in existing.items() if code not in listed and t.is_current]
        for territory in gone:
            territory.is_current = False
        Territory.objects.bulk_update(gone, ["is_current"], batch_size=500)
        outcome.retired = len(gone)
    if outcome.changed:
        loaded.send(sender=Territory)
    return outcome


def _records(data, departements):
    communes = data["communes"]
    by_departement = {}
    for commune in communes:
        code = commune["departement"]
        by_departement[code] = by_departement.get(code, 0) + (commune["population"] or 0)
    region = data["region"]
    total = sum(by_departement.values())
    records = [_record(region["code"], "", Level.REGION, region["name"], population=total)]
    for departement in data["departements"]:
        records.append(
            _record(
                departement["code"], "", Level.DEPARTEMENT, departement["name"],
                departement_id=departements.get(departement["code"]),
                population=by_departement.get(departement["code"]),
            )
        )  # fmt: skip
    for epci in data["epci"]:
        records.append(
            _record(
                epci["siren"], epci["siren"], Level.EPCI, epci["name"],
                legal_form=epci["form"], population=epci["population"],
                members_elsewhere=epci["members_elsewhere"],
                departement_id=_main_departement(epci["siren"], communes, departements),
            )
        )  # fmt: skip
    for commune in communes:
        records.append(
            _record(
                commune["code"], commune["siren"], Level.COMMUNE, commune["name"],
                departement_id=departements.get(commune["departement"]),
                postcodes=" ".join(commune["postcodes"]), population=commune["population"],
                epci_code=commune["epci"],
            )
        )  # fmt: skip
    return records


def _main_departement(siren, communes, departements):
    """An EPCI's département: the one most of its member communes are in."""
    counts = {}
    for commune in communes:
        if commune["epci"] == siren:
            counts[commune["departement"]] = counts.get(commune["departement"], 0) + 1
    return departements.get(max(counts, key=counts.get)) if counts else None


def _record(code, siren, level, name, **values):
    return {
        "code": code,
        "siren": siren,
        "level": level,
        "name": french_name(name),
        "search_name": fold(name),
        "legal_form": values.get("legal_form", ""),
        "departement_id": values.get("departement_id"),
        "epci_code": values.get("epci_code", ""),
        "postcodes": values.get("postcodes", ""),
        "population": values.get("population"),
        "members_elsewhere": values.get("members_elsewhere", 0),
        "is_current": True,
    }


def _apply(records, existing, outcome):
    new, changed = [], []
    for record in records:
        epci = existing.get(record.pop("epci_code"))
        record["epci_id"] = epci.pk if epci else None
        territory = existing.get(record["code"])
        if territory is None:
            territory = Territory(**record)
            new.append(territory)
            continue
        if any(getattr(territory, name) != record[name] for name in FIELDS):
            for name in FIELDS:
                setattr(territory, name, record[name])
            changed.append(territory)
    Territory.objects.bulk_create(new, batch_size=500)
    Territory.objects.bulk_update(changed, FIELDS, batch_size=500)
    outcome.created += len(new)
    outcome.updated += len(changed)
    if new:
        # Members of the level below need the new rows' ids.
        for territory in Territory.objects.filter(code__in=[t.code for t in new]):
            existing[territory.code] = territory


# What a list of territories shows, in the model's field order (as Model.from_db wants it);
# the rest of a territory is read if asked for.
KEPT_FIELDS = [
    field.attname
    for field in Territory._meta.concrete_fields
    if field.attname
    in ("id", "code", "level", "name", "search_name", "departement_id", "postcodes", "population")
]
_AT = {name: index for index, name in enumerate(KEPT_FIELDS)}


def _largest_first(row):
    # As the database ordered them: the largest first, then by name.
    population = row[_AT["population"]]
    return (population is None, -(population or 0), row[_AT["name"]])


class Names:
    """Every current territory's name, codes and what a list of them shows, largest first,
    kept in this worker's memory per content version (a load or an edit makes a new one).
    Matching a part of a name reads every name: in memory about 0.3 ms, where the database's
    LIKE over the region's 3,900 names cost 4 ms a search (the site search asks too, for
    every query), and the territories found are made from what is kept, without a query."""

    def __init__(self):
        rows = Territory.objects.filter(is_current=True).values_list(*KEPT_FIELDS)
        self.entries = tuple(sorted(rows, key=_largest_first))
        self.departements = Departement.objects.in_bulk()

    def territory(self, entry):
        """A territory as the database would give it, with its département."""
        territory = Territory.from_db(DEFAULT_DB_ALIAS, KEPT_FIELDS, entry)
        departement = self.departements.get(entry[_AT["departement_id"]])
        if departement is not None:
            territory.departement = departement
        return territory


def find(query, limit=20):
    """The current territories matching `query` — a postcode, an INSEE code, or a name or part
    of one — best first: the exact name (its `rank` 0), then names that start with it, the
    largest first."""
    query = (query or "").strip()
    # Read-only once made: shared by the requests of this worker, not copied.
    names = remembered(Names, shared=True)
    entries = names.entries
    if re.fullmatch(r"\d[\dAB]\d{3}", query, flags=re.IGNORECASE):
        code = query.upper()
        code_at, postcodes_at = _AT["code"], _AT["postcodes"]
        # Postcodes first, as people type them; then a commune whose INSEE code it is (62500
        # is Saint-Omer's postcode and Lespesses' INSEE code), said so in the list.
        found = [(entry, None) for entry in entries if code in entry[postcodes_at]] + [
            (entry, "code") for entry in entries if entry[code_at] == code
        ]
    else:
        folded = fold(query)
        if len(folded) < 2:
            return []
        name_at = _AT["search_name"]
        found = sorted(
            (
                (entry, _rank(entry[name_at], folded))
                for entry in entries
                if folded in entry[name_at]
            ),
            key=lambda match: match[1],
        )
    shown = []
    for entry, rank in found[:limit]:
        territory = names.territory(entry)
        if rank == "code":
            territory.matched_by_code = True
        elif rank is not None:
            territory.rank = rank
        shown.append(territory)
    return shown


def _rank(name, folded):
    if name == folded:
        return 0
    return 1 if name.startswith(folded) else 2

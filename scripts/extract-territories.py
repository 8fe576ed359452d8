#!/usr/bin/env python3
"""Extract the Hauts-de-France authorities from Etalab's « Découpage administratif » package
into reference/data/territories-hauts-de-france.json, which the repo commits, so that
`make run` needs neither the network nor npm (`manage.py load_territories` reads the file).

    scripts/extract-territories.py                 # fetches the pinned version with `npm pack`
    scripts/extract-territories.py package.tgz     # or reads a tarball already downloaded

To move to a newer release, change VERSION, run this, read the diff, commit, then
`manage.py load_territories` updates names, populations and memberships in place.
"""

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
REGION = "32"
OUTPUT = Path(__file__).resolve().parent.parent / "reference/data/territories-hauts-de-france.json"


def fetch(folder):
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=folder, check=True, stdout=2
    )
    return next(Path(folder).glob("*.tgz"))


def read(tarball, name):
    with tarfile.open(tarball) as archive:
        return json.load(archive.extractfile(f"package/data/{name}.json"))


def extract(tarball):
    with tarfile.open(tarball) as archive:
        meta = json.load(archive.extractfile("package/package.json"))
    assert meta["version"] == VERSION, meta["version"]
    communes = [
        c
        for c in read(tarball, "communes")
        if c.get("region") == REGION and c["type"] == "commune-actuelle"
    ]
    codes = {c["code"] for c in communes}
    epci_of = {}
    epcis = []
    for epci in read(tarball, "epci"):
        members = [m["code"] for m in epci["membres"] if m["code"] in codes]
        if not members:
            continue
        for code in members:
            epci_of[code] = epci["code"]
        epcis.append(
            {
                "siren": epci["code"],
                "name": epci["nom"],
                "form": epci["type"],
                "population": epci["populationMunicipale"],
                # A few EPCI straddle two regions: their population counts every member.
                "members_elsewhere": len(epci["membres"]) - len(members),
            }
        )
    departements = [
        {"code": d["code"], "name": d["nom"], "seat": d["chefLieu"]}
        for d in read(tarball, "departements")
        if d["region"] == REGION
    ]
    [region] = [
        {"code": r["code"], "name": r["nom"], "seat": r["chefLieu"]}
        for r in read(tarball, "regions")
        if r["code"] == REGION
    ]
    return {
        "source": f"{PACKAGE} {VERSION} (npm registry), data/*.json",
        "publisher": "Etalab, from INSEE's Code officiel géographique, "
        "DGCL's list of EPCI, INSEE's legal populations and La Poste's postcodes",
        "vintage": "2026",
        "licence": "Licence Ouverte / Open Licence 2.0",
        "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        "region": region,
        "departements": departements,
        "epci": sorted(epcis, key=lambda e: e["siren"]),
        "communes": [
            {
                "code": c["code"],
                "siren": c["siren"],
                "name": c["nom"],
                "departement": c["departement"],
                "postcodes": c["codesPostaux"],
                "population": c.get("population"),
                "epci": epci_of.get(c["code"], ""),
            }
            for c in sorted(communes, key=lambda c: c["code"])
        ],
    }


def main():
    with tempfile.TemporaryDirectory() as folder:
        tarball = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch(folder)
        data = extract(tarball)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    # One record per line: a newer release shows as a readable diff.
    lines = [
        "{",
        *(
            f"{json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},"
            for key in data
            if key not in ("epci", "communes")
        ),
        *_list("epci", data["epci"], last=False),
        *_list("communes", data["communes"], last=True),
        "}",
    ]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(data['communes'])} communes, {len(data['epci'])} EPCI → {OUTPUT}")


def _list(key, records, last):
    yield f"{json.dumps(key)}: ["
    for index, record in enumerate(records):
        comma = "," if index < len(records) - 1 else ""
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + comma
    yield "]" if last else "],"


if __name__ == "__main__":
    main()

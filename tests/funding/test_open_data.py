"""The schemes and calls in the national schema « Dispositifs d'aides »: the CSV and the JSON
the site serves pass frictionless's validation against the schema, with no error."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from frictionless import Resource, Schema

SCHEMA = Path(settings.BASE_DIR) / "funding" / "data" / "schema-dispositif-aide" / "schema.json"


def report_errors(report):
    return [error.message for task in report.tasks for error in task.errors][:20]


@pytest.mark.django_db
def test_the_csv_follows_the_national_schema(client, initial_content, tmp_path):
    response = client.get("/donnees/dispositifs.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    path = tmp_path / "dispositifs.csv"
    path.write_bytes(response.content)
    resource = Resource(
        path=path.name,
        basepath=str(tmp_path),
        schema=Schema.from_descriptor(json.loads(SCHEMA.read_text(encoding="utf-8"))),
    )
    report = resource.validate()
    assert report.valid, report_errors(report)
    text = response.content.decode()
    assert "CERV : jumelages de villes et réseaux de villes — Jumelage de villes 2025" in text
    assert "2025-09-17T17:00:00+02:00" in text  # its closing, Paris time


@pytest.mark.django_db
def test_the_json_holds_the_same_rows_and_follows_the_schema(client, initial_content):
    rows = json.loads(client.get("/donnees/dispositifs.json").content)
    csv_lines = client.get("/donnees/dispositifs.csv").content.decode()
    assert len(rows) > 20 and all(row["id"] in csv_lines for row in rows)
    schema = Schema.from_descriptor(json.loads(SCHEMA.read_text(encoding="utf-8")))
    table = [list(rows[0]), *(list(row.values()) for row in rows)]
    report = Resource(data=table, schema=schema).validate()
    assert report.valid, report_errors(report)
    generalist = next(r for r in rows if r["titre"].startswith("Appel à projets généraliste"))
    assert "Pays partenaires : tous, sauf : " in generalist["eligibilite"]
    assert generalist["cibles"] == "secteur public"
    assert generalist["eligibilite_geographique"] == "PAYS-99100"


@pytest.mark.django_db
def test_a_draft_scheme_is_not_published_as_open_data(client, initial_content):
    from funding.models import Scheme

    Scheme.objects.filter(slug="ficol").update(is_published=False)
    assert "FICOL" not in client.get("/donnees/dispositifs.csv").content.decode()

"""The read-only JSON API: its OpenAPI description validates, it lists the same schemes as
/financements/ for the same filters, errors are problem+json, answers carry CORS, ETag and
304, and a territory's brief gives its schemes and levers."""

import json
import re

import pytest
from openapi_spec_validator import validate

from reference.models import AuthorityType
from tests.events.builders import make_event


def api(client, path, **headers):
    return client.get(f"/api/v1/{path}", **headers)


def finder_slugs(client, query):
    html = client.get(f"/financements/?{query}").content.decode()
    results = html[html.index('id="resultats"') :] if 'id="resultats"' in html else html
    return [s for s in re.findall(r'href="/financements/([\w-]+)/"', results)
            if s not in ("calendrier", "flux")]  # fmt: skip


def api_slugs(client, query):
    slugs, page = [], 1
    while True:
        data = json.loads(api(client, f"dispositifs/?{query}&page={page}").content)
        slugs += [scheme["slug"] for scheme in data["items"]]
        if len(slugs) >= data["count"]:
            return slugs
        page += 1


@pytest.mark.django_db
def test_the_openapi_description_validates(client, initial_content):
    response = api(client, "openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.1")
    validate(document)
    assert "/api/v1/dispositifs/" in document["paths"]
    docs = client.get("/api/").content.decode()
    assert "GET /api/v1/territoires/{code}/" in docs and 'href="/api/v1/openapi.json"' in docs


@pytest.mark.django_db
def test_the_api_lists_the_same_schemes_as_the_finder(client, initial_content):
    commune = AuthorityType.objects.get(name="Commune").pk
    for query in (f"collectivite={commune}", f"collectivite={commune}&theme=jeunesse&pays=SN",
                  "pays=MA"):  # fmt: skip
        finder = [slug for slug in dict.fromkeys(finder_slugs(client, query))]
        assert set(api_slugs(client, query)) == set(finder), query
    moroccan = api_slugs(client, "pays=MA")
    assert "appel-a-projets-generaliste-dctciv" not in moroccan
    assert "fonds-franco-marocain" in moroccan


@pytest.mark.django_db
def test_a_scheme_its_calls_and_a_territorys_brief(client, initial_content):
    from tests.directory.territories import LILLE_EPCI, load_subset

    cerv = json.loads(api(client, "dispositifs/cerv-jumelages-reseaux-de-villes/").content)
    assert cerv["countries_rule"] == "only" and cerv["calls"]
    assert any(call["title"].startswith("Jumelage de villes 2025") for call in cerv["calls"])
    closed = json.loads(api(client, "appels/?etat=clos&cloture_apres=2025-01-01").content)
    assert closed["count"] >= 1
    assert all(call["closes_at"] >= "2025-01-01" for call in closed["items"])
    make_event()
    assert json.loads(api(client, "evenements/").content)["count"] == 1
    load_subset()
    lille = json.loads(api(client, "territoires/59350/").content)
    assert lille["name"] == "Lille" and "Commune" in lille["authority_types"]
    assert any(scheme["slug"] == "ficol" for scheme in lille["schemes"])
    metropole = json.loads(api(client, f"territoires/{LILLE_EPCI}/").content)
    assert "Autorité organisatrice de la mobilité" in metropole["authority_types"]
    assert metropole["levers"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["dispositifs/nexiste-pas/", "dispositifs/?pays=XX", "dispositifs/?theme=inconnu",
     "appels/?etat=hier", "appels/?cloture_apres=demain", "territoires/00000/",
     "dispositifs/?page=0", "dispositifs/?page=abc"],
)  # fmt: skip
def test_errors_are_problem_documents(client, initial_content, path):
    response = api(client, path)
    assert 400 <= response.status_code < 500, path
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == response.status_code and body["detail"]


@pytest.mark.django_db
def test_a_nul_byte_is_refused_before_the_api(client, initial_content):
    assert api(client, "dispositifs/?theme=%00").status_code == 400  # the site's request guard


@pytest.mark.django_db
def test_answers_carry_cors_an_etag_and_a_304(client, initial_content):
    response = api(client, "dispositifs/")
    assert response["Access-Control-Allow-Origin"] == "*"
    etag = response["ETag"]
    again = api(client, "dispositifs/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


@pytest.mark.django_db
def test_the_authorities_answer_to_the_directorys_filters(client, initial_content):
    from directory.models import Authority

    def listed(query):
        html = client.get(f"/collectivites-engagees/?{query}").content.decode()
        slugs = set(re.findall(r'href="/collectivites-engagees/([\w-]+)/"', html)) - {"pays"}
        data = json.loads(api(client, f"collectivites/?{query}").content)
        return slugs, {item["slug"] for item in data["items"]}

    departement = Authority.objects.published().exclude(departement=None).first().departement
    for query in ("", f"departement={departement.code}"):
        site, api_side = listed(query)
        assert site and site == api_side, query
    assert api(client, "collectivites/?departement=99").status_code == 400

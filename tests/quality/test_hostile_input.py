"""Every public address, walked with what scanners and broken clients send: never a 5xx.

The corpus: NUL characters, overlong and invalid-UTF-8 values, absurd page numbers and years,
odd methods and bodies in other charsets, in the path and in the query string.
"""

import logging

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.events.builders import make_event

HOSTILE_SEGMENTS = ["%00", "x%00y", "%ff%fe", "%c0%af", "a" * 300, "-1", "9" * 30, "..%2f..%2f"]
HOSTILE_QUERIES = [
    "q=%00", "q=eau%00", "q=" + "a" * 5000, "q=%ff%fe%fd", "page=99999999999999999999",
    "page=-1", "page=0", "page=%00", "type=%00", "theme=x&theme=%ff", "pays=%00",
    "departement=999999999999999999999", "annee=99999999999999999999", "mois=13", "%00=1",
]  # fmt: skip
ODD_METHODS = ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH", "PROPFIND"]
ODD_CHARSETS = ["utf-16", "latin-1", "x-unknown", "utf-7"]


def public_routes(patterns=None, prefix=""):
    """Every route of the root URLconf but the admin's, as written (with <converters>)."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(settings.ADMIN_URL):
            continue
        if isinstance(entry, URLResolver):
            yield from public_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def fill(route, value):
    """The route with every <converter:name> replaced by `value`."""
    import re

    return "/" + re.sub(r"<[^>]+>", value, route)


@pytest.fixture
def event(initial_content):
    return make_event("Atelier", capacity=10)


@pytest.fixture
def paths(event):
    """Every public route, its slug filled with an event's that exists: real pages too."""
    return [fill(route, event.slug) for route in public_routes()]


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False, enforce_csrf_checks=True)


def assert_no_server_error(response, what, caplog):
    assert response.status_code < 500, f"{what}: {response.status_code}"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, f"{what}: {errors[0].getMessage()}"


@pytest.mark.django_db
def test_hostile_path_segments_never_give_a_5xx(visitor, event, caplog):
    routes = [route for route in public_routes() if "<" in route]
    assert len(routes) >= 6
    for route in routes:
        for segment in HOSTILE_SEGMENTS:
            path = fill(route, segment)
            assert_no_server_error(visitor.get(path), path, caplog)


@pytest.mark.django_db
def test_hostile_query_strings_never_give_a_5xx(visitor, paths, caplog):
    for path in paths:
        for query in HOSTILE_QUERIES:
            assert_no_server_error(visitor.get(f"{path}?{query}"), f"{path}?{query}", caplog)


@pytest.mark.django_db
def test_odd_methods_get_405_and_odd_charsets_get_400(visitor, paths, caplog):
    for path in paths:
        for method in ODD_METHODS:
            response = visitor.generic(method, path)
            assert response.status_code == 405, f"{method} {path}: {response.status_code}"
            assert response["Allow"] == "GET, HEAD, POST"
        for charset in ODD_CHARSETS:
            # generic() sends the bytes as they are, whatever the charset says.
            response = visitor.generic(
                "POST",
                path,
                b"name=%C3%A9",
                content_type=f"application/x-www-form-urlencoded; charset={charset}",
            )
            assert response.status_code == 400, f"POST {charset} {path}: {response.status_code}"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.django_db
def test_a_refused_request_gets_a_french_page_that_says_why(visitor, initial_content):
    response = visitor.get("/recherche/?q=eau%00")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Requête invalide</h1>" in html and 'lang="fr"' in html
    assert 'href="/contact/"' in html, "a next step: whom to call"
    response = visitor.post(
        "/contact/", "name=a", content_type="application/x-www-form-urlencoded; charset=latin-1"
    )
    assert response.status_code == 400 and "Requête invalide" in response.content.decode()


@pytest.mark.django_db
def test_an_absurd_year_in_an_admin_filter_shows_the_list_without_it(staff_client):
    for changelist in ("contacts/contactrequest/", "axes/accessattempt/", "events/registration/"):
        url = f"/{settings.ADMIN_URL}{changelist}"
        response = staff_client.get(f"{url}?created_at__year=99999999999999999999")
        if "axes" in changelist:
            response = staff_client.get(f"{url}?attempt_time__year=99999999999999999999")
        assert response.status_code == 302
        assert response["Location"] == f"{url}?e=1"
        assert staff_client.get(response["Location"]).status_code == 200


CALCULATOR_QUERIES = [
    "levier=%00&budget=1", "levier=eau&budget=%ff%fe", "levier=mobilite&budget=1&versement=-1",
    "levier=mobilite&budget=1e999&versement=1e999", "levier=eau&budget=1&versement=5",
    "levier=dechets&budget=" + "9" * 400, "levier=1-pourcent-eau-assainissement&budget=10",
    "budget=1&budget=2&levier=eau&levier=energie", "levier=energie&budget=1%00",
]  # fmt: skip


@pytest.mark.django_db
def test_hostile_calculator_queries_on_real_briefs_never_give_a_5xx(visitor, event, caplog):
    from tests.directory.territories import SAINT_OMER_EPCI, load_subset

    load_subset()
    for code in ("62765", SAINT_OMER_EPCI, "62", "32"):
        for query in CALCULATOR_QUERIES:
            url = f"/ma-collectivite/{code}/?{query}"
            response = visitor.get(url)
            assert_no_server_error(response, url, caplog)
            assert response.status_code in (200, 400), url  # a NUL is refused at the door
        deliberation = visitor.get(f"/ma-collectivite/{code}/deliberation.docx?{query}")
        assert_no_server_error(deliberation, code, caplog)

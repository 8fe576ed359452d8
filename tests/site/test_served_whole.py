"""What a visitor gets is what gunicorn sends: every page type fetched from the site started as
`make serve` starts it (gunicorn, DEBUG off, the file cache shared by two workers), each twice
(a miss, then a hit of the page cache). The body is as long as its Content-Length says, an HTML
page ends with </html>, and the form pages, as served, pass the Nu Html Checker.
"""

import http.client
import re
import urllib.request
from types import SimpleNamespace

import pytest
from django.urls import resolve

from tests.helpers import child_site, free_port, manage, start_gunicorn, stop
from tests.quality.gates import vnu_errors

FORM_PAGES = ["/contact/", "/contact/?objet=accessibilite", "/alertes/", "/alertes/?theme=jeunesse"]
OTHER_PAGES = [
    "/", "/financements/", "/financements/?theme=jeunesse&pays=SN", "/financements/calendrier/",
    "/financements/calendrier.ics", "/financements/flux/", "/collectivites-engagees/",
    "/collectivites-engagees/export.csv", "/collectivites-engagees/export.json",
    "/ma-collectivite/", "/ma-collectivite/?q=saint+omer", "/ma-collectivite/62765/",
    "/ma-collectivite/200069037/", "/ma-collectivite/62/", "/ma-collectivite/32/",
    "/ma-collectivite/62765/deliberation/", "/ma-collectivite/62765/deliberation.docx",
    "/agenda/", "/agenda/calendrier.ics", "/actualites/", "/actualites/flux/", "/ressources/",
    "/recherche/?q=cooperation", "/sitemap.xml", "/robots.txt", "/plan-du-site/",
]  # fmt: skip


@pytest.fixture(scope="module")
def served(tmp_path_factory, site_template):
    folder = tmp_path_factory.mktemp("served")
    port = free_port()
    env = child_site(
        site_template, folder, "served", PORT=port, WEB_CONCURRENCY=2,
        CACHE_URL=f"filecache://{folder / 'cache'}",
    )  # fmt: skip
    loaded = manage("load_territories", **env)
    assert loaded.returncode == 0, loaded.stderr
    server = start_gunicorn(env)
    yield SimpleNamespace(host="127.0.0.1", port=port, env=env)
    stop(server)


def sitemap_paths(site):
    """Two addresses of each page type the sitemap lists (it lists 3,880 briefs)."""
    with urllib.request.urlopen(f"http://{site.host}:{site.port}/sitemap.xml") as response:
        xml = response.read().decode()
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", xml)]
    by_route = {}
    for path in paths:
        by_route.setdefault(resolve(path).route, []).append(path)
    return [path for same_type in by_route.values() for path in same_type[:2]]


def fetched(site, path):
    """(status, headers, every byte the server sent until it closed the connection)."""
    connection = http.client.HTTPConnection(site.host, site.port, timeout=30)
    connection.request("GET", path, headers={"Connection": "close"})
    response = connection.getresponse()
    headers = dict(response.getheaders())
    # Read to the end of the stream, not to Content-Length: a short header would hide a cut.
    response.length = None
    body = response.read()
    connection.close()
    return response.status, headers, body


def test_every_page_type_arrives_whole_through_gunicorn(served):
    paths = list(dict.fromkeys(FORM_PAGES + OTHER_PAGES + sitemap_paths(served)))
    problems = []
    for path in paths:
        for attempt in ("miss", "hit"):
            status, headers, body = fetched(served, path)
            if status != 200:
                problems.append(f"{path} ({attempt}): {status}")
                continue
            if int(headers.get("Content-Length", len(body))) != len(body):
                problems.append(
                    f"{path} ({attempt}): Content-Length {headers['Content-Length']}, "
                    f"{len(body)} bytes sent"
                )
            if headers["Content-Type"].startswith("text/html") and not body.rstrip().endswith(
                b"</html>"
            ):
                problems.append(f"{path} ({attempt}): cut short: …{body[-60:]!r}")
    assert problems == []
    assert len(paths) >= 35


def test_the_form_pages_as_served_are_valid_html(served, tmp_path):
    pages = {}
    for path in FORM_PAGES:
        for attempt in ("miss", "hit"):
            _status, _headers, body = fetched(served, path)
            pages[f"{path} ({attempt})"] = body.decode()
    assert vnu_errors(pages, tmp_path) == {}


def test_an_update_in_a_shell_shows_at_the_next_request(served):
    """A change made outside the admin (`manage.py shell`, a script) reaches every worker."""
    for _warm in range(4):  # both workers hold the page, from the page cache
        assert b"FICOL" in fetched(served, "/financements/")[2]
    code = (
        "from funding.models import Scheme; "
        "Scheme.objects.filter(slug='ficol').update(title='FICOL, renommé dans un shell')"
    )
    changed = manage("shell", "-c", code, **served.env)
    assert changed.returncode == 0, changed.stderr
    for _each_worker in range(4):
        assert "FICOL, renommé dans un shell" in fetched(served, "/financements/")[2].decode()

"""`make serve`'s stack: gunicorn with DEBUG off, whitenoise serving hashed, compressed files."""

import contextlib
import re
import time
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest

from tests.helpers import child_site, free_port, start_gunicorn, stop


@pytest.fixture(scope="module")
def served_site(tmp_path_factory, site_template):
    folder = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = child_site(
        site_template, folder, "serve", CACHE_URL="locmemcache://", PORT=port, WEB_CONCURRENCY=2
    )
    log = open(folder / "gunicorn.log", "w")  # noqa: SIM115 - open while the server runs
    server = start_gunicorn(env, log=log)
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", log=folder / "gunicorn.log")
    stop(server)
    log.close()


def test_gunicorn_serves_the_home_page_with_debug_off(served_site):
    with urllib.request.urlopen(served_site.url + "/") as response:
        html = response.read().decode()
    assert response.status == 200
    assert "L’action internationale des collectivités territoriales" in html
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(served_site.url + "/nope/")
    assert error.value.code == 404
    assert "Traceback" not in error.value.read().decode()


def test_static_files_have_hashed_names_brotli_and_far_future_caching(served_site):
    with urllib.request.urlopen(served_site.url + "/") as response:
        html = response.read().decode()
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "the stylesheet link has no hashed name"
    request = urllib.request.Request(
        served_site.url + css.group(1), headers={"Accept-Encoding": "br"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "br"
        assert "max-age=315360000" in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]


def test_the_access_log_keeps_no_query_string_ticket_or_token(served_site):
    secrets = [
        "/recherche/?q=camille.martin%40mairie-exemple.fr",
        "/agenda/atelier/inscription/MTIz:1tSECRETticket:abc/",
        "/reinitialiser/MQ/cbk0g3-SECRETtoken/",
    ]
    for path in secrets:
        request = urllib.request.Request(
            served_site.url + path, headers={"Referer": served_site.url + "/?q=SECRETreferer"}
        )
        # The address matters here, not the answer.
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(request).read()
    time.sleep(0.5)  # the workers write their access lines after answering
    # The access lines: Django's own warnings (« Not Found: … ») are another matter.
    log = "\n".join(line for line in served_site.log.read_text().splitlines() if '] "' in line)
    assert '"GET /recherche/ HTTP/1.1" 200' in log
    assert '"GET /agenda/atelier/inscription/…/ HTTP/1.1"' in log
    for secret in ("camille", "mairie-exemple", "SECRETticket", "SECRETtoken", "SECRETreferer"):
        assert secret not in log, secret

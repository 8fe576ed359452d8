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


def raw_get(site, path):
    """A request line sent as is, as a hostile client would."""
    import socket

    host, port = site.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
        )
        while sock.recv(65536):
            pass


def test_the_logs_write_a_path_as_received_and_keep_no_signed_link(served_site):
    forged = '/x%0d%0a127.0.0.1 - - [01/Jan/2026] "GET /admin HTTP/1.1" 200 1/'
    raw_get(served_site, forged.replace(" ", "%20").replace('"', "%22"))
    raw_get(served_site, "/nul%00byte/")
    raw_get(served_site, "/alertes/gerer/WzEsInRva2VuIl0:1SECRETsigned:abc/")
    raw_get(served_site, "/agenda/atelier/inscription/MTIz:1tSECRETticket:abc/")
    time.sleep(0.5)
    log = served_site.log.read_bytes()
    assert b"\x00" not in log
    lines = log.decode().splitlines()
    assert not any(line.startswith("127.0.0.1 - - [01/Jan/2026]") for line in lines)
    assert any("/x%0d%0a127.0.0.1" in line for line in lines)
    assert any("/nul%00byte/" in line for line in lines)
    assert "/alertes/gerer/…/" in log.decode()
    # Django's own « Not Found: … » warnings mask them too.
    assert "SECRETsigned" not in log.decode() and "SECRETticket" not in log.decode()

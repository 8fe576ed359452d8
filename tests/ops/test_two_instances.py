"""Two app servers behind one address: one database, one Redis cache, nothing in local memory.

An edit made through the admin of instance A shows on the very next request to instance B;
the contact form's rate limit and the admin's lock-out count across both instances.
"""

import re
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.helpers import (
    child_site,
    csrf,
    free_port,
    log_in,
    opener,
    post,
    start_gunicorn,
    stop,
)

ADMIN = "/gestion/"
PASSWORD = "un mot de passe solide 2026"


@pytest.fixture(scope="module")
def instances(tmp_path_factory, site_template):
    folder = tmp_path_factory.mktemp("two")
    redis_port = free_port()
    redis = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(redis_port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    env = child_site(
        site_template, folder, "two_instances", staff_password=PASSWORD,
        CACHE_URL=f"redis://127.0.0.1:{redis_port}/0", FORM_MIN_SECONDS=0,
        FORM_RATE_LIMIT=5, WEB_CONCURRENCY=2,
    )  # fmt: skip
    ports = [free_port(), free_port()]
    servers = [start_gunicorn({**env, "PORT": port}) for port in ports]
    yield [f"http://127.0.0.1:{port}" for port in ports]
    for process in [*servers, redis]:
        stop(process)


def test_an_edit_on_instance_a_shows_on_the_next_request_to_b(instances):
    a, b = instances
    page = "/nouvelles-modalites-de-cooperation/"
    for _warm in range(4):
        urllib.request.urlopen(b + page).read()
    staff = opener()
    log_in(staff, a, PASSWORD)
    changelist = staff.open(a + ADMIN + "pages/reason/").read().decode()
    change = a + re.search(r'href="(/gestion/pages/reason/\d+/change/)"', changelist).group(1)
    token = csrf(staff.open(change).read().decode())
    response = post(staff, change, {
        "csrfmiddlewaretoken": token, "title": "Raison modifiée sur l’instance A.",
        "text": "Texte.", "position": "1", "is_published": "on", "_save": "Enregistrer",
    })  # fmt: skip
    assert response.status == 200
    assert "Raison modifiée sur l’instance A." in urllib.request.urlopen(b + page).read().decode()
    # The session made on A is valid on B: sessions are in the database.
    assert "Raison modifiée" in staff.open(b + ADMIN + "pages/reason/").read().decode()


def test_the_contact_rate_limit_counts_across_both_instances(instances):
    a, b = instances
    statuses = []
    visitor = opener()
    for index in range(6):
        base = (a, b)[index % 2]
        html = visitor.open(base + "/contact/").read().decode()
        shown_at = re.search(r'name="shown_at" value="([^"]+)"', html).group(1)
        response = post(visitor, base + "/contact/", {
            "name": f"Visiteur {index}", "email": "v@example.org",
            "organisation": "Mairie", "subject": "1", "message": "Bonjour", "website": "",
            "shown_at": shown_at,
        })  # fmt: skip
        statuses.append(response.status if hasattr(response, "status") else response.code)
    assert statuses[:5] == [200] * 5  # each followed to the thank-you page
    assert statuses[5] == 429


def test_an_admin_lock_out_holds_on_both_instances(instances):
    a, b = instances
    for index in range(5):
        log_in(opener(), (a, b)[index % 2], password="mauvais")
    for base in (a, b):
        response = log_in(opener(), base, PASSWORD)
        assert response.code == 429
        assert "Connexion temporairement bloquée" in response.read().decode()

"""200 visitors posting at once against the live server: each request stored exactly once."""

import re
import threading
import time
import urllib.parse
import urllib.request

from django.core.cache import cache
from django.db import connection

from contacts.models import ContactRequest
from tests.contacts.builders import contact_data

SUBMISSIONS = 200


def test_200_simultaneous_submissions_are_all_stored_once(
    live_server, transactional_db, django_db_serialized_rollback, settings
):
    from django.core.management import call_command

    call_command("load_initial_content", verbosity=0)
    settings.CONTACT_RATE_LIMIT = 10_000
    cache.clear()
    with urllib.request.urlopen(live_server.url + "/contact/") as response:
        html = response.read().decode()
        cookie = response.headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    barrier = threading.Barrier(SUBMISSIONS)
    statuses = []

    # Built here: the posting threads must not open database connections of their own.
    forms = [
        contact_data(
            name=f"Visiteur {index}",
            email=f"visiteur{index}@example.org",
            csrfmiddlewaretoken=token,
        )
        for index in range(SUBMISSIONS)
    ]

    def submit(index):
        data = forms[index]
        request = urllib.request.Request(
            live_server.url + "/contact/",
            data=urllib.parse.urlencode(data).encode(),
            headers={"Cookie": cookie, "Referer": live_server.url + "/contact/"},
        )
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
        except OSError as error:
            statuses.append(type(error).__name__)

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) == SUBMISSIONS, sorted(set(statuses))
    names = list(ContactRequest.objects.values_list("name", flat=True))
    assert len(names) == SUBMISSIONS
    assert sorted(names) == sorted(f"Visiteur {i}" for i in range(SUBMISSIONS))
    if connection.vendor == "postgresql":
        assert server_connections_released(), "the server kept its database connections open"


def server_connections_released(timeout=15):
    """After the burst, the server's request threads give their connections back."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            )
            if cursor.fetchone()[0] <= 2:
                return True
        time.sleep(0.2)
    return False

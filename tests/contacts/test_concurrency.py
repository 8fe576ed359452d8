"""200 visitors posting at once against the live server: each request stored exactly once."""

import time

from django.core.cache import cache
from django.db import connection

from contacts.models import ContactRequest
from tests.contacts.builders import contact_data
from tests.helpers import post_at_once

SUBMISSIONS = 200


def test_200_simultaneous_submissions_are_all_stored_once(
    live_server, transactional_db, django_db_serialized_rollback, settings
):
    from django.core.management import call_command

    call_command("load_initial_content", verbosity=0)
    settings.FORM_RATE_LIMIT = 10_000
    cache.clear()
    url = live_server.url + "/contact/"
    forms = [
        contact_data(name=f"Visiteur {index}", email=f"visiteur{index}@example.org")
        for index in range(SUBMISSIONS)
    ]
    statuses = post_at_once(url, forms)
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


def test_a_double_click_stores_one_request_and_shows_the_thanks_twice(
    live_server, transactional_db, django_db_serialized_rollback, settings
):
    """Two posts of the same form at once: one record, and both answers lead to the thanks
    page (never « Votre message n’a pas pu être envoyé »)."""
    from django.core.management import call_command

    call_command("load_initial_content", verbosity=0)
    cache.clear()
    form = contact_data(name="Camille Double-Clic")
    statuses = post_at_once(live_server.url + "/contact/", [form, form])
    assert statuses == [200, 200]
    assert ContactRequest.objects.filter(name="Camille Double-Clic").count() == 1

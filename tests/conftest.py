"""Shared fixtures."""

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer

# Like a production server, the live test server queues a burst of simultaneous connections
# instead of resetting them (socketserver's default backlog is 5).
WSGIServer.request_queue_size = 256


# Fixtures that give a test the suite's database (SQLite or PostgreSQL, as DATABASE_URL says).
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_serialized_rollback"}


def pytest_collection_modifyitems(items):
    """Mark `once` what gives the same result on either database: browser tests, and tests
    that use no database or one of their own. `make test` runs them in one of its two runs."""
    for item in items:
        if item.get_closest_marker("both_databases"):
            continue
        uses_database = item.get_closest_marker("django_db") or (
            DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        if item.get_closest_marker("browser") or not uses_database:
            item.add_marker(pytest.mark.once)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: no page, fragment, version or rate count left over."""
    from django.core.cache import caches

    from aict_site.caching.memory import clear

    for cache in caches.all():
        cache.clear()
    clear()


@pytest.fixture(scope="session")
def site_template(tmp_path_factory):
    """A deployed site's database and static files, made once per test run for the tests that
    run the site in child processes (gunicorn, two instances, backups): copy it with
    `tests.helpers.child_site` or `fresh_database`."""
    import os

    from tests.helpers import shared_site_template

    base = tmp_path_factory.getbasetemp()
    # Under xdist, each worker's base folder sits in the run's own folder.
    return shared_site_template(base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base)


@pytest.fixture
def initial_content(db):
    """The client's content, loaded as `make run` loads it, but for the first revisions,
    which double the time of a load (`initial_content_with_revisions` has them); after the
    first test, copied back from memory (tests/initial_snapshot.py)."""
    from tests import initial_snapshot

    initial_snapshot.load()


@pytest.fixture
def initial_content_with_revisions(db):
    """The client's content exactly as `make run` loads it, first revisions included."""
    call_command("load_initial_content", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "redaction", "redaction@example.org", "un mot de passe solide 2026"
    )
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.user = user
    return client


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) the site sends to, not started: a test starts it when the
    mail server should answer, and leaves it stopped to play a server that is down."""
    from tests.contacts.smtp import SMTPServer

    server = SMTPServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.NOTIFY_EMAILS = ["equipe@lianes.example"]
    yield server
    server.stop()

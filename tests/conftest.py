"""Shared fixtures."""

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer

# Like a production server, the live test server queues a burst of simultaneous connections
# instead of resetting them (socketserver's default backlog is 5).
WSGIServer.request_queue_size = 256


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: no page, fragment, version or rate count left over."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def initial_content(db):
    """The client's content, loaded as `make run` loads it."""
    call_command("load_initial_content", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "redaction", "redaction@example.org", "un mot de passe solide 2026"
    )
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.user = user
    return client

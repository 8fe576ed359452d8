"""Rate limits and single-use form tokens hold under concurrency and cannot be reset by
filling the cache: counts live in an atomic store that page entries never push out."""

import time

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command

from aict_site import counters
from aict_site.caching.version import VERSION_KEY
from aict_site.models import Counter
from aict_site.settings import page_cache
from contacts.models import ContactRequest
from tests.contacts.builders import contact_data
from tests.helpers import post_at_once


def post(client, capture, **overrides):
    with capture(execute=True):
        return client.post("/contact/", contact_data(**overrides))


def test_50_simultaneous_posts_from_one_address_with_a_limit_of_5_store_exactly_5(
    live_server, transactional_db, django_db_serialized_rollback, settings
):
    call_command("load_initial_content", verbosity=0)
    settings.FORM_RATE_LIMIT = 5
    url = live_server.url + "/contact/"
    forms = [contact_data(name=f"Visiteur {index}") for index in range(50)]
    statuses = post_at_once(url, forms)
    assert statuses.count(200) == 5, sorted(statuses, key=str)
    assert statuses.count(429) == 45
    assert ContactRequest.objects.count() == 5


@pytest.mark.django_db
def test_a_thousand_pages_reset_neither_the_rate_count_nor_the_content_version(
    client, initial_content, settings, tmp_path, django_capture_on_commit_callbacks
):
    # The production caches, files on disk, with a page cache small enough to be culled.
    default = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp_path / "cache"),
    }
    settings.CACHES = {
        **django_settings.CACHES,
        "default": default,
        "pages": {**page_cache(default), "OPTIONS": {"MAX_ENTRIES": 300}},
    }
    settings.FORM_RATE_LIMIT = 2
    for _index in range(2):
        assert post(client, django_capture_on_commit_callbacks).status_code == 302
    assert post(client, django_capture_on_commit_callbacks).status_code == 429
    version = cache.get(VERSION_KEY)
    assert version

    for index in range(1000):
        assert client.get(f"/robots.txt?page={index}").status_code == 200

    assert cache.get(VERSION_KEY) == version, "the content version was pushed out"
    response = post(client, django_capture_on_commit_callbacks, message="Encore un message.")
    assert response.status_code == 429, "the rate count was reset by filling the cache"
    assert ContactRequest.objects.count() == 2


@pytest.mark.django_db
def test_a_form_is_accepted_once_and_its_replay_is_refused_with_the_text_kept(
    client, initial_content, django_capture_on_commit_callbacks, monkeypatch
):
    """Sent again with other text (the back button keeps the form's token): refused, the new
    text kept, nothing stored twice. (Sent again unchanged, it leads to the thanks page.)"""
    monkeypatch.setattr("aict_site.publicforms.DONE_WAIT_SECONDS", 0)
    data = contact_data()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/contact/", data).status_code == 302
        replay = client.post("/contact/", {**data, "message": "La même, renvoyée."})
    assert replay.status_code == 400
    html = replay.content.decode()
    assert "n’a pas pu être envoyé" in html
    assert "La même, renvoyée." in html
    assert ContactRequest.objects.count() == 1


@pytest.mark.django_db
def test_an_expired_count_starts_again_and_the_purge_deletes_it():
    assert counters.increment("essai", 60) == 1
    assert counters.increment("essai", 60) == 2
    Counter.objects.filter(key="essai").update(expires_at=int(time.time()) - 1)
    assert counters.increment("essai", 60) == 1
    Counter.objects.filter(key="essai").update(expires_at=int(time.time()) - 1)
    call_command("purge_visitor_data", verbosity=0)
    assert not Counter.objects.exists()


@pytest.mark.django_db
def test_a_rate_window_starts_at_the_first_hit_not_on_the_hour():
    """No clock boundary where every count resets and a client gets twice the limit."""
    from aict_site.ratelimit import hit

    started = int(time.time())
    assert hit("essai", "192.0.2.1", limit=2) and hit("essai", "192.0.2.1", limit=2)
    assert not hit("essai", "192.0.2.1", limit=2)
    (counter,) = Counter.objects.filter(key__startswith="rate:essai:")
    assert started + 3600 <= counter.expires_at <= int(time.time()) + 3600

"""Drafts stay private, renamed pages keep their address, staff text is sanitised."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from pages.models import Page
from tests.pages.builders import make_action, make_page, make_reason


@pytest.mark.django_db
def test_draft_is_404_to_the_public_and_an_uncached_preview_for_staff(client, staff_client):
    make_page("Brouillon secret", is_published=False)
    from django.test import Client

    assert Client().get("/brouillon-secret/").status_code == 404
    response = staff_client.get("/brouillon-secret/")
    assert response.status_code == 200
    assert "Aperçu\u00a0: cette page n’est pas publiée." in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_page_with_a_future_publication_date_is_not_public_yet(client):
    make_page("Plus tard", published_at=timezone.now() + timedelta(days=1))
    assert client.get("/plus-tard/").status_code == 404


@pytest.mark.django_db
def test_a_scheduled_page_joins_the_menu_once_its_time_has_come(client, settings):
    """The menu is a fragment kept in memory: no edit happens at the scheduled time, so only
    the clock can renew it, within FRAGMENT_CLOCK_SECONDS."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CLOCK_SECONDS = 1
    make_page("Sur le site", in_menu=True)
    make_page("Bientôt", in_menu=True, published_at=timezone.now() + timedelta(seconds=1))
    html = client.get("/").content.decode()
    assert 'href="/sur-le-site/"' in html and 'href="/bientot/"' not in html
    time.sleep(2.2)
    assert 'href="/bientot/"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_changing_a_slug_keeps_the_old_url_working_with_a_301(client):
    page = make_page("Ancien titre")
    page.slug = "nouveau-titre"
    page.save()
    response = client.get("/ancien-titre/")
    assert response.status_code == 301
    assert response["Location"] == "/nouveau-titre/"
    page.slug = "troisieme-titre"
    page.save()
    assert client.get("/ancien-titre/")["Location"] == "/troisieme-titre/"
    assert client.get("/nouveau-titre/")["Location"] == "/troisieme-titre/"
    assert client.get("/troisieme-titre/").status_code == 200


@pytest.mark.django_db
def test_hostile_markup_is_removed_on_save_and_on_display(client):
    hostile = (
        "<p>Bonjour<script>alert(1)</script></p>"
        '<img src=x onerror="alert(1)">'
        '<p><a href="javascript:alert(1)">piège</a> <a href="https://example.org" '
        'onclick="alert(1)">lien</a></p><h2 style="color:red">Titre</h2>'
        "<blockquote>cité</blockquote>"
    )
    page = make_page("Piège", body=hostile)
    page.refresh_from_db()
    for stored in (page.body, client.get("/piege/").content.decode()):
        assert "alert(1)" not in stored
        assert "onerror" not in stored and "onclick" not in stored
        assert "javascript:" not in stored
        assert 'style="' not in stored
    assert '<a href="https://example.org">lien</a>' in page.body
    assert "<h2>Titre</h2>" in page.body and "<blockquote>cité</blockquote>" in page.body


@pytest.mark.django_db
def test_stored_hostile_body_is_still_cleaned_on_display(client):
    page = make_page("Ancienne")
    Page.objects.filter(pk=page.pk).update(body='<p>ok</p><script>alert("x")</script>')
    html = client.get("/ancienne/").content.decode()
    assert 'alert("x")' not in html


def page_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: what every request shares (site settings) comes from the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/nouvelles-modalites-de-cooperation/", "/types-d-actions/"])
def test_queries_per_page_do_not_grow_with_content(client, settings, initial_content, url):
    settings.PAGE_CACHE_SECONDS = 0  # the cost of rendering, not of the cache
    for index in range(5):
        make_reason(f"Raison {index}.")
        make_action(f"Action {index}.")
    few = page_queries(client, url)
    for index in range(45):
        make_reason(f"Autre raison {index}.")
        make_action(f"Autre action {index}.")
        make_page(f"Page de menu {index}", in_menu=True)
    many = page_queries(client, url)
    assert few == many
    assert many <= 10

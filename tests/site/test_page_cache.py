"""Cached pages are fast and never stale: any staff change shows on the very next request."""

import re
import threading
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pages.models import Reason
from tests.admin_forms import admin_form_data
from tests.helpers import child_site, free_port, log_in, opener, start_gunicorn, stop

ADMIN = "/" + settings.ADMIN_URL
PASSWORD = "un mot de passe solide 2026"


@pytest.mark.django_db
def test_a_repeat_anonymous_visit_is_served_from_the_cache_without_sql(client, initial_content):
    first = client.get("/types-d-actions/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as captured:
        second = client.get("/types-d-actions/")
    assert second["X-Page-Cache"] == "hit"
    assert len(captured) == 0
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_edit_in_the_admin_shows_on_the_next_request(staff_client, initial_content):
    client = Client()
    assert client.get("/nouvelles-modalites-de-cooperation/")["X-Page-Cache"] == "miss"
    reason = Reason.objects.get(position=2)
    url = f"{ADMIN}pages/reason/{reason.pk}/change/"
    staff_client.post(
        url, admin_form_data(staff_client.get(url), title="Éduquez à la citoyenneté mondiale.")
    )
    html = client.get("/nouvelles-modalites-de-cooperation/").content.decode()
    assert "Éduquez à la citoyenneté mondiale." in html


@pytest.mark.django_db
def test_a_bulk_edit_from_a_changelist_empties_the_cache(staff_client, initial_content):
    from pages.models import Page, Reason

    client = Client()
    reasons_page = Page.objects.get(layout=Page.Layout.REASONS).get_absolute_url()
    hidden = Reason.objects.get(position=3)
    assert hidden.title in client.get(reasons_page).content.decode()  # now cached
    changelist = staff_client.get(f"{ADMIN}pages/reason/")
    formset = changelist.context["cl"].formset
    data = {f"form-{k}": v for k, v in formset.management_form.initial.items()}
    data.update({"form-TOTAL_FORMS": str(len(formset.forms)), "_save": "Enregistrer"})
    for index, form in enumerate(formset.forms):
        data[f"form-{index}-id"] = form.instance.pk
        if form.instance.pk != hidden.pk:
            data[f"form-{index}-is_published"] = "on"
    assert staff_client.post(f"{ADMIN}pages/reason/", data).status_code == 302
    assert hidden.title not in client.get(reasons_page).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/contact/", "/recherche/?q=eau", "/alertes/"])
def test_pages_for_staff_are_never_cached(staff_client, initial_content, url):
    staff_client.get(url)
    assert staff_client.get(url).get("X-Page-Cache") is None


@pytest.mark.django_db
def test_an_event_taking_registrations_is_never_cached(client, initial_content):
    """Its places left change with each registration, which is no content edit."""
    from tests.events.builders import make_event, make_registration

    event = make_event(is_registration_open=True, capacity=2)
    url = event.get_absolute_url()
    client.get(url)
    assert client.get(url).get("X-Page-Cache") is None
    make_registration(event)
    assert "Il reste 1 place." in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_repeat_visit_gets_304(client, initial_content):
    first = client.get("/")
    assert first.has_header("ETag")
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.django_db
def test_drafts_previewed_by_staff_do_not_leak_to_visitors(staff_client, initial_content):
    from tests.pages.builders import make_page

    make_page("Projet secret", is_published=False)
    assert staff_client.get("/projet-secret/").status_code == 200
    assert Client().get("/projet-secret/").status_code == 404


@pytest.mark.django_db
def test_shared_fragments_follow_edits_even_when_the_page_is_not_cached(
    staff_client, settings, initial_content
):
    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    assert "Bureaux à Amiens" in client.get("/types-d-actions/").content.decode()
    from contacts.models import Office

    amiens = Office.objects.get(city="Amiens")
    url = f"{ADMIN}contacts/office/{amiens.pk}/change/"
    staff_client.post(url, admin_form_data(staff_client.get(url), name="Bureaux de la Somme"))
    footer = client.get("/types-d-actions/").content.decode().split("<footer")[1]
    assert "Bureaux de la Somme" in footer


@pytest.mark.django_db
def test_a_lost_content_version_is_replaced_by_a_new_one_never_an_old_one(
    settings, initial_content
):
    """Fragments stay in each worker's memory when the shared cache is flushed (a Redis
    restart, a culled file): the version that follows must not match theirs."""
    from django.core.cache import cache

    from contacts.models import Office

    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    for flush in range(2):
        cache.clear()
        html = client.get("/types-d-actions/").content.decode()
        # A change the signals did not see, before the shared cache is lost again.
        Office.objects.filter(city="Amiens").update(name=f"Bureaux {flush}")
    assert "Bureaux 0" in html


@pytest.fixture(scope="module")
def gunicorn_site(tmp_path_factory, site_template):
    """The site as `make serve` runs it: several workers sharing a file cache."""
    folder = tmp_path_factory.mktemp("cached")
    port = free_port()
    env = child_site(
        site_template, folder, "page_cache", staff_password=PASSWORD,
        CACHE_URL=f"filecache://{folder / 'cache'}", PORT=port, WEB_CONCURRENCY=3,
    )  # fmt: skip
    server = start_gunicorn(env)
    yield f"http://127.0.0.1:{port}"
    stop(server)


def fetch_concurrently(url, clients=9, each=4):
    """Pages fetched by simultaneous clients, so that every worker answers some of them."""
    pages = []

    def client():
        for _request in range(each):
            pages.append(urllib.request.urlopen(url).read().decode())

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return pages


def staff_opener(site):
    """A browser-like opener logged in to the admin of the site under gunicorn."""
    staff = opener()
    log_in(staff, site, PASSWORD)
    return staff


def admin_save(staff, site, model_path, link_text, fields):
    """Open the first change form of `model_path` whose link says `link_text`, post `fields`."""
    changelist = staff.open(site + ADMIN + model_path).read().decode()
    pattern = rf'href="(/[^"]+/{model_path}\d+/change/)"[^>]*>{re.escape(link_text)}'
    change_url = site + re.search(pattern, changelist).group(1)
    form_html = staff.open(change_url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_html).group(1)
    data = {"csrfmiddlewaretoken": token, "_save": "Enregistrer", **fields}
    return staff.open(urllib.request.Request(
        change_url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": change_url}
    ))  # fmt: skip


def test_an_admin_edit_shows_at_once_whichever_worker_answers(gunicorn_site):
    page = gunicorn_site + "/nouvelles-modalites-de-cooperation/"
    assert len(fetch_concurrently(page)) == 36  # every worker has the page cached
    staff = staff_opener(gunicorn_site)
    fields = {
        "title": "Une raison réécrite par l’équipe.",
        "text": "Texte réécrit.", "position": "1", "is_published": "on",
    }  # fmt: skip
    response = admin_save(staff, gunicorn_site, "pages/reason/", "", fields)
    assert response.status == 200
    pages = fetch_concurrently(page)
    assert all("Une raison réécrite par l’équipe." in html for html in pages)


def test_a_shared_fragment_is_renewed_in_every_worker(gunicorn_site):
    """The footer is kept in each worker's memory: an edit must reach every one of them."""
    pages = [f"{gunicorn_site}/recherche/?q=cooperation&n={n}" for n in range(3)]
    for url in pages:  # new addresses: rendered, each worker keeping its footer fragment
        htmls = fetch_concurrently(url, clients=6, each=2)
        assert all("Bureaux à Amiens" in html for html in htmls)
    staff = staff_opener(gunicorn_site)
    fields = {
        "name": "Bureaux de la Somme", "address_lines": "Espace Somme\r\n6 rue des Hautes Cornes",
        "postal_code": "80000", "city": "Amiens", "position": "2", "is_published": "on",
    }  # fmt: skip
    assert (
        admin_save(staff, gunicorn_site, "contacts/office/", "Bureaux à Amiens", fields).status
        == 200
    )
    for url in pages:
        footers = [html.split("<footer")[1] for html in fetch_concurrently(url)]
        assert all("Bureaux de la Somme" in footer for footer in footers)


def test_a_worker_keeps_its_recent_pages_bounded_and_never_past_their_version_or_time(settings):
    import time as clock

    from aict_site.caching.memory import MISSING, WorkerMemory

    recent = WorkerMemory(size=2)
    for name in ("a", "b", "c"):
        recent.put(name, name.encode(), 60, version=1)
    assert recent.get("a", 1) is MISSING  # the oldest went when a third came
    assert recent.get("b", 1) == b"b"
    assert recent.get("c", 2) is MISSING  # content changed since: never served again
    recent.put("old", b"old", 60, version=1, made_at=clock.time() - 61)
    assert recent.get("old", 1) is MISSING  # made longer ago than its lifetime

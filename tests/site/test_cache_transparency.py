"""Caches are invisible: every page type, with its usual query variants, gives the same bytes
with every cache on (page cache, kept fragments, remembered values, each worker's memory) as
with every cache off, whatever order the pages are asked for in.

The pages are asked for with every cache off first, then in shuffled orders with only the
worker's pieces kept (every request renders its page from kept fragments), then with every
cache on (the page cache answering from the second time). Only what is meant to differ from
one response to the next is masked: a form's single-use timestamp and CSRF token, and the
time a calendar file was made.
"""

import io
import random
import re
import zipfile

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import resolve

from aict_site.caching.memory import clear
from contacts.models import ContactSubject
from directory.models import Authority, AuthorityType
from funding.models import Call, Scheme
from reference.models import Departement, Territory, Theme
from tests.directory.territories import SAINT_OMER_EPCI, load_subset
from tests.events.builders import make_event
from tests.quality.conftest import alert_pages, news_and_resources
from tests.quality.test_hostile_input import public_routes

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

# Another intercommunalité of the Pas-de-Calais: its brief must not show Saint-Omer's block.
DESVRES_EPCI = "200018083"

MASKS = [
    (re.compile(rb'(name="shown_at" value=")[^"]*'), rb"\1(masked)"),
    (re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*'), rb"\1(masked)"),
    (re.compile(rb"DTSTAMP:\d{8}T\d{6}Z"), b"DTSTAMP:(masked)"),
    # A subscriber's links are signed anew, with the time, on each page that shows them.
    (re.compile(rb"(/alertes/(?:confirmer|gerer|desabonnement)/)[^/\"]+/"), rb"\1(masked)/"),
]
# In an office file: when it was made (the zip's entry times and its properties).
DOCX_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")

# Routes no visitor reaches by a plain GET of a page: a link with a secret made for one person
# (tested on their own pages), a file streamed from storage, the media folder, the health probe.
NOT_PAGES = {
    "reinitialiser/<uidb64>/<token>/",
    "agenda/<slug:slug>/inscription/<str:ticket>/",
    "agenda/<slug:slug>/inscription/<str:ticket>/annuler/",
    "ressources/<slug:slug>/fichier/<str:key>/<str:name>",
    "^media/(?P<path>.*)$",
    "healthz",
    "favicon.ico",
}


def content():
    """The client's content, with what makes each page type show something: territories of
    two intercommunalités of one département, an authority engaged in one of them, an event,
    a news item and a resource."""
    epci_communes = load_subset(epcis=(SAINT_OMER_EPCI, DESVRES_EPCI), communes=())
    assert epci_communes.changed
    Authority.objects.create(
        name="Ville d’Arques", slug="arques", code="62040",
        kind=AuthorityType.objects.get(name="Commune"),
        departement=Departement.objects.get(code="62"), is_published=True,
    )  # fmt: skip
    make_event("Atelier des contrôles de qualité")
    news_and_resources()


def urls(client):
    """One address per public route, and the usual variants of the finders, forms and briefs."""
    sitemap = client.get("/sitemap.xml").content.decode()
    found = [
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)
    ]
    theme = Theme.objects.get(slug="jeunesse")
    commune_type = AuthorityType.objects.get(name="Commune")
    level = Territory.Level
    briefs = [
        Territory.objects.get(code="62765").code,  # Saint-Omer, in a CA
        Territory.objects.filter(epci__code=DESVRES_EPCI, level=level.COMMUNE).first().code,
        SAINT_OMER_EPCI,
        DESVRES_EPCI,
        Territory.objects.get(level=level.DEPARTEMENT, departement__code="62").code,
        Territory.objects.get(level=level.REGION).code,
    ]
    subjects = list(ContactSubject.objects.values_list("slug", flat=True))
    call = Call.objects.filter(is_published=True).first()
    found += [
        "/", "/robots.txt", "/sitemap.xml", "/plan-du-site/", "/reinitialiser/termine/",
        "/contact/", *(f"/contact/?objet={slug}" for slug in subjects), "/contact/merci/",
        "/financements/", f"/financements/?collectivite={commune_type.pk}&theme=jeunesse&pays=SN",
        "/financements/?theme=jeunesse", "/financements/?pays=MA", "/financements/?pays=ZZ",
        "/financements/calendrier/", "/financements/calendrier.ics", "/financements/flux/",
        f"/financements/appels/{call.uid}.ics",
        "/collectivites-engagees/", "/collectivites-engagees/?pays=SN",
        f"/collectivites-engagees/?departement={Departement.objects.get(code='62').pk}",
        "/collectivites-engagees/export.csv", "/collectivites-engagees/export.json",
        "/collectivites-engagees/pays/SN/", "/collectivites-engagees/arques/",
        "/ma-collectivite/", "/ma-collectivite/?q=saint", "/ma-collectivite/?q=62500",
        "/ma-collectivite/suggestions.json?q=sain",
        "/ma-collectivite/modele-de-deliberation/", "/ma-collectivite/modele-de-deliberation.docx",
        *(f"/ma-collectivite/{code}/" for code in briefs),
        *(f"/ma-collectivite/{code}/deliberation/" for code in briefs),
        *(f"/ma-collectivite/{code}/deliberation.docx" for code in briefs[:3]),
        "/ma-collectivite/62765/?levier=energie&budget=250+000",
        f"/ma-collectivite/{SAINT_OMER_EPCI}/?levier=mobilite&budget=2000000&versement=500000",
        "/ma-collectivite/62765/?levier=energie&budget=abc", "/recherche/?q=1+%25",
        "/agenda/", "/agenda/archives/", "/agenda/calendrier.ics",
        "/agenda/atelier-des-controles-de-qualite/agenda.ics",
        "/agenda/atelier-des-controles-de-qualite/inscription-recue/",
        "/actualites/", f"/actualites/?theme={theme.slug}", "/actualites/flux/",
        "/ressources/", f"/ressources/?type=guide&theme={theme.slug}",
        "/alertes/", "/alertes/?theme=jeunesse&pays=SN", "/alertes/merci/", *alert_pages(),
        "/recherche/?q=cooperation", "/recherche/?q=saint+omer", "/recherche/?q=",
        "/page-qui-n-existe-pas/",
        "/donnees/", "/donnees/catalogue.jsonld", "/donnees/dispositifs.csv",
        "/donnees/dispositifs.json", "/api/", "/api/v1/", "/api/v1/openapi.json",
        "/api/v1/dispositifs/",
        "/api/v1/dispositifs/?pays=MA", "/api/v1/dispositifs/?pays=ZZ",
        "/api/v1/dispositifs/ficol/", "/api/v1/appels/?etat=clos", "/api/v1/collectivites/",
        "/api/v1/evenements/", f"/api/v1/territoires/{SAINT_OMER_EPCI}/",
        "/financements/appel-franco-senegalais/preparer/",
        f"/financements/appel-franco-senegalais/preparer/?collectivite={commune_type.pk}&pays=SN"
        "&conseils=05/01/2027,02/02/2027",
        f"/financements/appel-a-projets-generaliste-dctciv/preparer/?collectivite={commune_type.pk}"
        "&pays=SN",
        f"/financements/ficol/preparer.ics?collectivite={commune_type.pk}&rang=premier&jour=3",
    ]  # fmt: skip
    return list(dict.fromkeys(found))


def masked(response):
    body = response.content
    if body.startswith(b"PK"):
        body = unzipped(body)
    for pattern, replacement in MASKS:
        body = pattern.sub(replacement, body)
    return response.status_code, response.get("Content-Type"), body


def unzipped(body):
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return b"".join(
            name.encode() + b"\n" + DOCX_DATES.sub(rb"\1(masked)", archive.read(name))
            for name in archive.namelist()
        )


def fetch(urls_in_order):
    client = Client()
    return {url: masked(client.get(url)) for url in urls_in_order}


def empty_caches():
    for cache in caches.all():
        cache.clear()
    clear()


def first_difference(expected, got):
    for index, (a, b) in enumerate(zip(expected, got, strict=False)):
        if a != b:
            around = slice(max(index - 80, 0), index + 80)
            return f"at byte {index}: {expected[around]!r} ≠ {got[around]!r}"
    return f"lengths {len(expected)} ≠ {len(got)}"


def test_every_page_is_the_same_with_every_cache_on_as_with_every_cache_off(
    initial_content, settings
):
    content()
    addresses = urls(Client())
    covered = {resolve(url.split("?")[0]).route for url in addresses}
    assert set(public_routes()) - NOT_PAGES - covered == set(), "a route without an address"

    settings.CACHING = False
    empty_caches()
    expected = fetch(addresses)
    assert sum(status == 200 for status, _type, _body in expected.values()) >= 60

    settings.CACHING = True
    runs = [("fragments only", 0, seed) for seed in (1, 2)] + [("every cache", 60, 3)]
    wrong = {}
    for name, page_seconds, seed in runs:
        settings.PAGE_CACHE_SECONDS = page_seconds
        empty_caches()
        order = addresses[:]
        random.Random(seed).shuffle(order)
        for _ in range(2):  # the second time from what the first kept
            for url, got in fetch(order).items():
                if got != expected[url] and url not in wrong:
                    wrong[url] = f"{name}, seed {seed}: " + first_difference(
                        expected[url][2], got[2]
                    )
    # An edit made outside the admin, as a script or a shell makes it: shown at once.
    Scheme.objects.filter(slug="ficol").update(title="FICOL, titre changé en SQL")
    settings.CACHING = False
    expected = fetch(addresses)
    settings.CACHING = True
    for url, got in fetch(addresses).items():
        if got != expected[url] and url not in wrong:
            wrong[url] = "after an update(): " + first_difference(expected[url][2], got[2])
    assert not wrong, "\n".join(f"{url}: {difference}" for url, difference in wrong.items())

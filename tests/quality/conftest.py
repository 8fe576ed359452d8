import os
import re
import urllib.request

import pytest

from tests import initial_snapshot
from tests.quality.gates import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in this thread; the live server's database
# access happens in its own thread, so Django's async-safety guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Pages no sitemap lists: results (some, none), a 404, a refused request (400), the thank-you page.
EXTRA_URLS = [
    "/recherche/?q=coop%C3%A9ration", "/recherche/?q=zzyzx", "/page-qui-n-existe-pas/",
    "/recherche/?q=eau%00", "/contact/merci/", "/ma-collectivite/?q=estaires",
    "/ma-collectivite/?q=zzyzx",
    "/ma-collectivite/59212/?levier=eau&budget=250+000#one-percent",
    "/ma-collectivite/59212/?levier=eau&budget=abc#one-percent",
    "/alertes/merci/", "/alertes/confirmer/lien-abime/", "/donnees/", "/api/",
    "/financements/appel-franco-senegalais/preparer/?collectivite=1&pays=SN&rang=premier&jour=3",
    "/financements/1-pourcent-eau-assainissement/preparer/?territoire=59212",
]  # fmt: skip
# One commune (Estaires, 59212) with its intercommunalité, the départements and the Région:
# their eight briefs stand for the 3,880 in the gates.
GATE_COMMUNE = "59212"


def load_gate_territories():
    from tests.directory.territories import load_subset

    load_subset(epcis=(), communes=(GATE_COMMUNE,))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_site(live_server, transactional_db, django_db_serialized_rollback):
    """The live server on the migrated database (départements and roles come from data
    migrations, which a transactional test's flush would otherwise remove)."""
    from django.contrib.contenttypes.models import ContentType

    # Ids cached by earlier tests may not match the restored rows.
    ContentType.objects.clear_cache()
    initial_snapshot.load()
    load_gate_territories()
    return live_server.url


def registration_confirmation():
    """An event open for registration, and the confirmation page of one registrant."""
    from django.urls import reverse

    from events import registrations
    from tests.events.builders import make_event

    event = make_event("Atelier des contrôles de qualité", capacity=5)
    registration = registrations.register(
        event, {"name": "Camille Martin", "email": "camille@example.org", "organisation": "Mairie"}
    )
    return event, reverse(
        "events:registered",
        kwargs={"slug": event.slug, "ticket": registrations.ticket(registration)},
    )


def news_and_resources():
    """A news item with an image and what it is about, and a PDF resource of a scheme: the
    sitemap then lists a page of each kind."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from funding.models import Scheme
    from tests.images import image_bytes
    from tests.news.builders import make_news
    from tests.resources.builders import make_resource

    scheme = Scheme.objects.published().first()
    item = make_news(
        "Actualité des contrôles de qualité",
        body="<p>Un texte <strong>riche</strong>.</p><h2>Un intertitre</h2><p>Suite.</p>",
        image=SimpleUploadedFile("photo.png", image_bytes((1200, 675))),
        image_alt="Une photo de démonstration",
    )
    item.schemes.add(scheme)
    make_resource("Règlement des contrôles de qualité").schemes.add(scheme)


def alert_pages():
    """The pages a subscriber reaches from the links of their emails."""
    from alerts import links
    from tests.alerts.builders import make_subscriber

    subscriber = make_subscriber("qualite@exemple.fr", confirmed_at=None)
    return [links.path(subscriber, purpose) for purpose in ("confirm", "manage", "unsubscribe")]


def public_paths(base_url):
    """Every URL of the sitemap, plus the pages a sitemap does not list."""
    with urllib.request.urlopen(base_url + "/sitemap.xml") as response:
        xml = response.read().decode()
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", xml)]
    return list(dict.fromkeys(paths + EXTRA_URLS))

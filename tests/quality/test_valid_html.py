"""Every public page is valid HTML5 (Nu Html Checker) and carries no inline code."""

import pytest

from tests.quality.conftest import EXTRA_URLS as GATE_URLS
from tests.quality.conftest import (
    alert_pages,
    load_gate_territories,
    news_and_resources,
    registration_confirmation,
)
from tests.quality.gates import inline_code, vnu_errors

# Markup does not depend on the database.
pytestmark = pytest.mark.once

# The gates' pages no sitemap lists that have markup of their own: briefs, alerts, the answers
# and plans of « Préparer ma candidature ».
CHECKED_GATE_URLS = ("ma-collectivite", "alertes", "preparer")
EXTRA_URLS = [
    "/recherche/?q=coop%C3%A9ration", "/recherche/?q=", "/page-qui-n-existe-pas/",
    "/recherche/?q=eau%00", "/contact/merci/",
    *(url for url in GATE_URLS if any(part in url for part in CHECKED_GATE_URLS)),
]  # fmt: skip


def public_pages(client):
    import re

    load_gate_territories()
    news_and_resources()
    xml = client.get("/sitemap.xml").content.decode()
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", xml)]
    pages = {path: client.get(path).content.decode() for path in paths + EXTRA_URLS + alert_pages()}
    pages["/alertes/ (erreurs)"] = client.post("/alertes/", {"email": "x"}).content.decode()
    pages["/contact/ (erreurs)"] = client.post("/contact/", {"email": "x"}).content.decode()
    event, confirmation = registration_confirmation()
    pages["inscription confirmée"] = client.get(confirmation).content.decode()
    pages["annulation (question)"] = client.get(confirmation + "annuler/").content.decode()
    pages["annulation (faite)"] = client.post(confirmation + "annuler/").content.decode()
    pages["inscription (erreurs)"] = client.post(
        event.get_absolute_url(), {"email": "x"}
    ).content.decode()
    return pages


@pytest.mark.django_db
def test_every_public_page_is_valid_html(client, initial_content, tmp_path):
    pages = public_pages(client)
    assert len(pages) >= 12
    assert vnu_errors(pages, tmp_path) == {}


@pytest.mark.django_db
def test_no_public_page_has_inline_script_or_style(client, initial_content):
    found = {path: inline_code(html) for path, html in public_pages(client).items()}
    assert {path: code for path, code in found.items() if code} == {}

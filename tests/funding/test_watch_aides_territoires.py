"""`watch_aides_territoires` against a local server answering as Aides-territoires' API does
(a token from /connexion/, paged /aids/): new and changed aids reach « À examiner », a
malformed record is skipped, a 401 or a timeout is a clear failure, and staff turn one aid into
a draft call of a scheme in one click."""

import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from funding.models import Call, Scheme, WatchedAid

KEY = "une-cle-de-test"
AID = {
    "id": 1201,
    "slug": "jumelages-2027",
    "url": "https://aides-territoires.beta.gouv.fr/aides/1201/",
    "name": "Jumelages entre communes européennes 2027",
    "financers": [{"name": "Commission européenne"}],
    "description": "<p>Des rencontres de citoyens.</p>",
    "eligibility": "Communes et comités.",
    "perimeter": "Europe",
    "targeted_audiences": ["commune", "epci"],
    "categories": ["Citoyenneté"],
    "start_date": "2027-01-15",
    "submission_deadline": "2027-03-31",
    "origin_url": "https://ec.europa.eu/appel-2027",
    "application_url": "",
    "import_share_licence": None,
    "date_updated": "2026-11-30T10:00:00+01:00",
}
IMPORTED = {
    **AID,
    "id": 1202,
    "name": "Fonds importé d’un autre site",
    "import_share_licence": "unknown",
    "description": "Texte sous une autre licence.",
}
MALFORMED = {"id": "pas-un-nombre", "name": ""}


class FakeAidesTerritoires(BaseHTTPRequestHandler):
    mode = "normal"
    aids = [AID, MALFORMED, IMPORTED]

    def log_message(self, *args):
        pass

    def answer(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        if self.path != "/api/connexion/" or self.headers.get("X-AUTH-TOKEN") != KEY:
            return self.answer(401, {"detail": "Unauthorized"})
        return self.answer(200, {"token": "jeton"})

    def do_GET(self):
        if self.mode == "timeout":
            time.sleep(2)
        if self.headers.get("Authorization") != "Bearer jeton":
            return self.answer(401, {"detail": "Unauthorized"})
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        assert set(query["targeted_audiences"]) == {"commune", "epci", "department", "region"}
        base = f"http://127.0.0.1:{self.server.server_port}/api/aids/"
        if query.get("page") == ["2"]:
            return self.answer(200, {"count": 3, "next": None, "results": self.aids[2:]})
        following = f"{base}?{url.query}&page=2"
        if self.mode == "elsewhere":
            following = "file:///etc/passwd"
        return self.answer(200, {"count": 3, "next": following, "results": self.aids[:2]})


@pytest.fixture
def fake_api(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeAidesTerritoires)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.AIDES_TERRITOIRES_API_URL = f"http://127.0.0.1:{server.server_port}/api"
    settings.AIDES_TERRITOIRES_API_KEY = KEY
    settings.AIDES_TERRITOIRES_TIMEOUT = 1
    FakeAidesTerritoires.mode = "normal"
    FakeAidesTerritoires.aids = [AID, MALFORMED, IMPORTED]
    yield FakeAidesTerritoires
    server.shutdown()


def watch():
    out = io.StringIO()
    call_command("watch_aides_territoires", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_without_a_key_it_says_so_and_does_nothing(settings):
    settings.AIDES_TERRITOIRES_API_KEY = ""
    assert "AIDES_TERRITOIRES_API_KEY is not set" in watch()
    assert not WatchedAid.objects.exists()


@pytest.mark.django_db
def test_new_and_changed_aids_reach_the_list_and_one_becomes_a_draft_call(
    fake_api, staff_client, initial_content
):
    assert "2 new, 0 changed, 0 unchanged, 1 malformed" in watch()
    aid = WatchedAid.objects.get(source_id=1201)
    assert aid.status == WatchedAid.Status.NEW and aid.open_licence
    assert aid.financers == "Commission européenne" and aid.description
    imported = WatchedAid.objects.get(source_id=1202)
    assert not imported.open_licence and imported.description == ""  # a link only
    assert not Call.objects.filter(title__contains="Jumelages entre communes").exists()

    WatchedAid.objects.filter(pk=aid.pk).update(status=WatchedAid.Status.DISMISSED)
    fake_api.aids = [{**AID, "submission_deadline": "2027-04-15"}, IMPORTED]
    assert "0 new, 1 changed, 1 unchanged, 0 malformed" in watch()
    aid.refresh_from_db()
    assert aid.status == WatchedAid.Status.CHANGED and aid.what_changed == "clôture"

    form = staff_client.get(reverse("admin:funding_watchedaid_change", args=[aid.pk]))
    assert "Faire l’appel" in form.content.decode()
    cerv = Scheme.objects.get(slug="cerv-jumelages-reseaux-de-villes")
    response = staff_client.post(
        reverse("admin:funding_watchedaid_make_call", args=[aid.pk]), {"scheme": cerv.pk}
    )
    call = Call.objects.get(title="Jumelages entre communes européennes 2027")
    assert response["Location"] == reverse("admin:funding_call_change", args=[call.pk])
    assert call.scheme == cerv and not call.is_published
    assert timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M") == "2027-04-15 23:59"
    assert call.url == "https://ec.europa.eu/appel-2027"
    aid.refresh_from_db()
    assert aid.status == WatchedAid.Status.DONE and aid.call == call


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("mode", "key", "said"),
    [
        ("normal", "une-mauvaise-cle", "HTTP 401"),
        ("timeout", KEY, "no answer"),
        ("elsewhere", KEY, "not the API's address"),
    ],
)
def test_a_refusal_a_timeout_or_a_strange_next_page_fail_clearly(
    fake_api, settings, mode, key, said
):
    fake_api.mode = mode
    settings.AIDES_TERRITOIRES_API_KEY = key
    with pytest.raises(CommandError, match=said):
        watch()
    assert not WatchedAid.objects.exists()


@pytest.mark.django_db
def test_an_aid_becomes_a_draft_scheme_or_brings_new_dates_to_its_call(
    fake_api, staff_client, initial_content
):
    watch()
    aid = WatchedAid.objects.get(source_id=1201)
    from funding.models import Funder

    eu = Funder.objects.order_by("pk").first()
    response = staff_client.post(
        reverse("admin:funding_watchedaid_make_scheme", args=[aid.pk]), {"funder": eu.pk}
    )
    scheme = Scheme.objects.get(title="Jumelages entre communes européennes 2027")
    assert response["Location"] == reverse("admin:funding_scheme_change", args=[scheme.pk])
    assert not scheme.is_published and scheme.summary == "Des rencontres de citoyens."
    assert scheme.source == "Aides-territoires, fiche n° 1201"

    imported = WatchedAid.objects.get(source_id=1202)
    cerv = Scheme.objects.get(slug="cerv-jumelages-reseaux-de-villes")
    staff_client.post(
        reverse("admin:funding_watchedaid_make_call", args=[imported.pk]), {"scheme": cerv.pk}
    )
    fake_api.aids = [AID, {**IMPORTED, "submission_deadline": "2027-05-20"}]
    watch()
    imported.refresh_from_db()
    assert imported.status == WatchedAid.Status.CHANGED
    form = staff_client.get(reverse("admin:funding_watchedaid_change", args=[imported.pk]))
    assert "Reporter ses dates sur cet appel" in form.content.decode()
    staff_client.post(reverse("admin:funding_watchedaid_update_call", args=[imported.pk]))
    imported.refresh_from_db()
    closing = timezone.localtime(imported.call.closes_at).strftime("%Y-%m-%d")
    assert closing == "2027-05-20" and imported.status == WatchedAid.Status.DONE

"""The contact form: every valid request stored and routed, every abuse refused, nothing lost."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from contacts.models import ContactRequest, Office
from tests.contacts.builders import contact_data, departement, shown_seconds_ago


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def offices(initial_content):
    Office.objects.filter(city="Lille").update(notify_email="lille@lianes.example")
    Office.objects.filter(city="Amiens").update(notify_email="amiens@lianes.example")


def submit(client, capture, **overrides):
    with capture(execute=True):
        return client.post("/contact/", contact_data(**overrides))


@pytest.mark.django_db
def test_contact_page_shows_people_offices_and_the_form(client, initial_content):
    html = client.get("/contact/").content.decode()
    assert "Nizar Yaiche" in html and 'href="tel:+33778590188"' in html
    assert "<address>Espace Somme<br>6 rue des Hautes Cornes<br>80000 Amiens</address>" in html
    assert "openstreetmap.org/search?query=" in html
    for label in (
        "Votre nom",
        "Votre adresse électronique",
        "Objet de votre demande",
        "Votre message",
    ):
        assert label in html
    assert 'href="/donnees-personnelles/"' in html
    assert "Question sur un financement" in html and "Session d’information" in html


@pytest.mark.django_db
def test_a_valid_request_is_stored_routed_and_sent_to_the_right_office(
    client, offices, mailoutbox, django_capture_on_commit_callbacks
):
    response = submit(client, django_capture_on_commit_callbacks, departement=departement("80"))
    assert response.status_code == 302
    assert response["Location"] == "/contact/merci/"
    stored = ContactRequest.objects.get()
    assert stored.office.city == "Amiens"
    assert stored.status == ContactRequest.Status.NEW
    assert stored.notified_at is not None
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["amiens@lianes.example"]
    assert mail.reply_to == ["camille.martin@mairie-exemple.fr"]
    assert "camille.martin@mairie-exemple.fr" not in mail.to + mail.cc + mail.bcc
    assert "monter un jumelage" in mail.body
    assert "Merci, votre message est bien arrivé" in client.get("/contact/merci/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "city"), [("59", "Lille"), ("62", "Lille"), ("02", "Amiens"), ("60", "Amiens")]
)
def test_each_departement_goes_to_its_office(
    client, offices, mailoutbox, django_capture_on_commit_callbacks, code, city
):
    submit(client, django_capture_on_commit_callbacks, departement=departement(code))
    assert mailoutbox[0].to == [f"{city.lower()}@lianes.example"]


@pytest.mark.django_db
def test_without_departement_the_fallback_addresses_are_used(
    client, offices, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_EMAILS = ["accueil@lianes.example", "direction@lianes.example"]
    submit(client, django_capture_on_commit_callbacks)
    assert mailoutbox[0].to == ["accueil@lianes.example", "direction@lianes.example"]
    assert ContactRequest.objects.get().office is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"website": "http://spam.example"}, "honeypot"),
        ({"shown_at": "shown now"}, "too fast"),
        ({"shown_at": "forged-token"}, "forged timestamp"),
        ({"shown_at": "moved back"}, "tampered timestamp"),
        ({"shown_at": "a day old"}, "expired timestamp"),
        ({"shown_at": ""}, "missing timestamp"),
    ],
)
def test_spam_is_refused_stores_nothing_and_keeps_the_text(
    client, initial_content, overrides, reason
):
    if overrides.get("shown_at") == "shown now":
        # Signed now, when the test runs: a real timestamp, only too recent.
        overrides = {"shown_at": shown_seconds_ago(0)}
    if overrides.get("shown_at") == "moved back":
        # A real signature over a time moved an hour back, to look filled in slowly.
        shown, rest = shown_seconds_ago(0).split(":", 1)
        overrides = {"shown_at": f"{float(shown) - 3600:.3f}:{rest}"}
    if overrides.get("shown_at") == "a day old":
        overrides = {"shown_at": shown_seconds_ago(25 * 3600)}
    response = client.post("/contact/", contact_data(**overrides))
    if reason == "missing timestamp":
        assert response.status_code == 200, "the form again, with its errors"
    else:
        assert response.status_code == 400, reason
        assert "n’a pas pu être envoyé" in response.content.decode(), reason
    assert ContactRequest.objects.count() == 0, reason
    html = response.content.decode()
    assert "Bonjour, notre commune souhaite monter un jumelage." in html


@pytest.mark.django_db
def test_the_sixth_request_in_an_hour_is_refused_with_429(
    client, initial_content, settings, django_capture_on_commit_callbacks
):
    settings.FORM_RATE_LIMIT = 5
    for _index in range(5):
        assert submit(client, django_capture_on_commit_callbacks).status_code == 302
    response = submit(client, django_capture_on_commit_callbacks, message="Un sixième message.")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Réessayez dans une heure" in html
    assert "Un sixième message." in html
    assert ContactRequest.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"name": ""}, "Ce champ est obligatoire."),
        ({"email": "pas-une-adresse"}, "Saisissez une adresse de courriel valide."),
        ({"message": "x" * 10000}, "5000 caractères"),
        ({"name": "Camille\nBcc: victime@example.org"}, "saut de ligne"),
        ({"subject": "999999"}, "Sélectionnez un choix valide."),
        ({"organisation": "o" * 300}, "200 caractères"),
    ],
)
def test_invalid_input_gets_french_field_errors_and_keeps_what_was_typed(
    client, initial_content, overrides, error
):
    response = client.post("/contact/", contact_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert 'aria-invalid="true"' in html
    assert "Le message n’est pas encore parti" in html
    assert "Mairie d’Exemple-sur-Somme" in html or "o" * 300 in html
    assert ContactRequest.objects.count() == 0


@pytest.mark.django_db
def test_hostile_text_is_stored_as_typed_and_shown_escaped(
    client, staff_client, initial_content, django_capture_on_commit_callbacks
):
    hostile = "<script>alert('x')</script> '; DROP TABLE contacts_contactrequest; --"
    assert (
        submit(
            client, django_capture_on_commit_callbacks, message=hostile, name="<b>Nom</b>"
        ).status_code
        == 302
    )
    stored = ContactRequest.objects.get()
    assert stored.message == hostile
    html = staff_client.get(
        reverse("admin:contacts_contactrequest_change", args=[stored.pk])
    ).content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Nom&lt;/b&gt;" in html


@pytest.mark.django_db
def test_invalid_utf8_is_a_client_error_not_a_crash(client, initial_content):
    body = b"name=%FF%FE&email=a%40b.fr&message=\xff\xfe\xfd"
    response = client.post("/contact/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 400)
    assert ContactRequest.objects.count() == 0


@pytest.mark.django_db
def test_a_post_another_site_made_the_browser_send_is_refused_and_kept(initial_content):
    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)
    foreign = visitor.post("/contact/", contact_data(), HTTP_ORIGIN="https://piege.example")
    assert foreign.status_code == 403
    html = foreign.content.decode()
    assert "vient d’un autre site" in html and "monter un jumelage" in html
    no_origin_foreign_referer = visitor.post(
        "/contact/", contact_data(), HTTP_REFERER="https://piege.example/page"
    )
    assert no_origin_foreign_referer.status_code == 403
    assert ContactRequest.objects.count() == 0


@pytest.mark.django_db
def test_a_post_from_the_site_itself_needs_no_csrf_token(initial_content):
    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)
    by_origin = visitor.post("/contact/", contact_data(), HTTP_ORIGIN="http://testserver")
    assert by_origin.status_code == 302
    # An old browser sends no Origin: its Referer tells, and over HTTPS it must.
    by_referer = visitor.post(
        "/contact/",
        contact_data(name="Ana Lopes"),
        HTTP_REFERER="https://testserver/contact/",
        secure=True,
    )
    assert by_referer.status_code == 302
    neither_over_https = visitor.post("/contact/", contact_data(name="Eva Roux"), secure=True)
    assert neither_over_https.status_code == 403
    assert sorted(ContactRequest.objects.values_list("name", flat=True)) == [
        "Ana Lopes", "Camille Martin",
    ]  # fmt: skip


@pytest.mark.django_db
def test_the_contact_page_is_served_from_the_page_cache_with_a_token_per_visitor(
    initial_content, settings
):
    import re

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    token = re.compile(r'name="shown_at" value="([^"]+)"')
    first = Client().get("/contact/")
    with CaptureQueriesContext(connection) as queries:
        second = Client().get("/contact/")
    assert second["X-Page-Cache"] == "hit" and len(queries) == 0
    assert not first.cookies and not second.cookies  # no CSRF cookie: nobody's own page
    assert "no-store" in second["Cache-Control"]  # nor kept by a browser or a proxy
    tokens = [token.search(r.content.decode()).group(1) for r in (first, second)]
    assert tokens[0] != tokens[1] and "filled-when-served" not in tokens[1]
    assert "X-Form-Timestamp" not in second  # the marker stays between the server's parts
    # Each visitor's token is good once: the second visitor's post is not taken as a replay.
    settings.FORM_MIN_SECONDS = 0
    for value in tokens:
        assert Client().post("/contact/", contact_data(shown_at=value)).status_code == 302
    # The same form sent again (a reload, a double click) is the same request, stored once.
    again = Client().post("/contact/", contact_data(shown_at=tokens[0]))
    assert again.status_code == 302 and again["Location"] == "/contact/merci/"
    assert ContactRequest.objects.count() == 2


@pytest.mark.django_db
def test_a_cross_site_post_is_refused_before_the_form_is_read(initial_content):
    """Whatever it holds (no field, a broken email, a good form), a post another site made the
    browser send gets the same 403, with what was typed kept; so does one a browser marks
    cross-site in Sec-Fetch-Site, even with no Origin."""
    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)
    for data in ({}, {"email": "pas-une-adresse"}, contact_data()):
        refused = visitor.post("/contact/", data, HTTP_ORIGIN="https://piege.example")
        assert refused.status_code == 403
        assert "vient d’un autre site" in refused.content.decode()
    marked = visitor.post("/contact/", contact_data(), HTTP_SEC_FETCH_SITE="cross-site")
    assert marked.status_code == 403
    assert "monter un jumelage" in marked.content.decode()
    same = visitor.post(
        "/contact/",
        contact_data(),
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN="http://testserver",
    )
    assert same.status_code == 302
    assert ContactRequest.objects.count() == 1


@pytest.mark.django_db
def test_a_timestamp_works_only_on_the_form_it_was_made_for(initial_content):
    from aict_site.publicforms import timestamp

    for_alerts = timestamp("alerts", 30)
    refused = Client().post("/contact/", contact_data(shown_at=for_alerts))
    assert refused.status_code == 400
    assert ContactRequest.objects.count() == 0
    assert Client().post("/contact/", contact_data()).status_code == 302


@pytest.mark.django_db
def test_a_post_refused_by_the_rate_limit_does_not_spend_its_timestamp(initial_content, settings):
    """The rate limit is counted first: once the hour has passed, the same form goes through."""
    from aict_site.models import Counter

    settings.FORM_RATE_LIMIT = 1
    assert Client().post("/contact/", contact_data()).status_code == 302
    kept = contact_data(name="Ana Lopes")
    assert Client().post("/contact/", kept).status_code == 429
    assert not Counter.objects.filter(key__startswith="form-token:").exclude(count=1).exists()
    Counter.objects.filter(key__startswith="rate:").delete()  # the hour has passed
    assert Client().post("/contact/", kept).status_code == 302
    assert sorted(ContactRequest.objects.values_list("name", flat=True)) == [
        "Ana Lopes", "Camille Martin",
    ]  # fmt: skip


@pytest.mark.django_db
def test_phone_numbers_are_written_in_pairs_of_digits(client, initial_content):
    html = client.get("/contact/").content.decode()
    assert "07\u00a078\u00a059\u00a001\u00a088" in html
    assert "07.78.59.01.88" not in html


@pytest.mark.django_db
def test_eight_posts_from_one_ipv6_slash_64_meet_the_limit_of_five(initial_content):
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:1:2::{index}")
        .post("/contact/", contact_data(name=f"Visiteur {index}"))
        .status_code
        for index in range(1, 9)
    ]
    assert statuses == [302] * 5 + [429] * 3
    assert ContactRequest.objects.count() == 5

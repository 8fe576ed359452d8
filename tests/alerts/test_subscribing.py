"""Subscribing with double opt-in, the signed links, one-click unsubscribing."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.test import Client

from alerts import links
from alerts.models import Subscriber, Unsubscription
from reference.models import AuthorityType
from tests.alerts.builders import make_subscriber, subscription_data


def mails_to(smtp, address):
    return [message for recipients, message in smtp.messages if recipients == [address]]


def link_in(message, path):
    return re.search(rf"https?://\S+{path}\S+/", message.get_content()).group(0)


@pytest.mark.django_db
def test_one_confirmation_email_then_nothing_until_the_address_confirms(
    client, smtp, initial_content, django_capture_on_commit_callbacks
):
    smtp.start()
    commune = AuthorityType.objects.get(name="Commune")
    data = subscription_data(
        calls="on", authority_type=str(commune.pk), call_themes=["eau-assainissement"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/alertes/", data)
    assert response.status_code == 302 and response["Location"] == "/alertes/merci/"
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert subscriber.criteria == {
        "calls": {"types": [str(commune.pk)], "themes": ["eau-assainissement"],
                  "countries": [], "scheme": []},
    }  # fmt: skip
    assert subscriber.consent_text.startswith("J’accepte") and subscriber.consent_version
    (confirmation,) = mails_to(smtp, "maire@commune-exemple.fr")
    assert "Confirmez" in confirmation["Subject"]
    # Subscribing again within the hour: the same answer, and no second email.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post("/alertes/", subscription_data(news="on"))
    assert again["Location"] == "/alertes/merci/"
    assert len(mails_to(smtp, "maire@commune-exemple.fr")) == 1
    # Nor through another spelling of the same mailbox (« +tag », capitals).
    for variant in ("maire+alertes@commune-exemple.fr", "Maire+2@Commune-Exemple.fr"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/alertes/", subscription_data(email=variant, news="on"))
    sent = [rcpt for rcpt, _message in smtp.messages if "maire" in " ".join(rcpt).lower()]
    assert len(sent) == 1, sent
    # The link opens a question (a mail filter opening it confirms nothing); the button does.
    url = link_in(confirmation, "/alertes/confirmer/")
    path = url.split("://", 1)[1].split("/", 1)[1]
    page = Client().get("/" + path)
    assert page.status_code == 200 and "Confirmer mon abonnement" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    Client().post("/" + path)
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None


@pytest.mark.django_db
def test_the_answer_is_the_same_for_an_address_already_subscribed(
    client, smtp, initial_content, django_capture_on_commit_callbacks
):
    """Nobody learns who subscribes: an address already confirmed is sent the link to its
    criteria, and the page says the same as for a new address."""
    smtp.start()
    make_subscriber("deja@exemple.fr")
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(
            "/alertes/", subscription_data("nouveau@exemple.fr", news="on"), follow=True
        )
        known = client.post(
            "/alertes/", subscription_data("DEJA@exemple.fr", news="on"), follow=True
        )
    assert new.content == known.content
    assert Subscriber.objects.filter(email__iexact="deja@exemple.fr").count() == 1
    (mail,) = mails_to(smtp, "deja@exemple.fr")
    assert (
        "/alertes/gerer/" in mail.get_content() and "/alertes/confirmer/" not in mail.get_content()
    )


@pytest.mark.django_db
def test_the_form_refuses_what_a_person_would_not_send(client, initial_content):
    empty = client.post("/alertes/", subscription_data())
    assert empty.status_code == 200
    assert "Choisissez au moins une chose à suivre" in empty.content.decode()
    no_consent = client.post("/alertes/", subscription_data(news="on", consent=""))
    assert "Cochez la case" in no_consent.content.decode()
    robot = client.post("/alertes/", subscription_data(news="on", website="http://spam"))
    assert robot.status_code == 400
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_the_form_page_comes_from_the_page_cache_and_refuses_another_sites_post(initial_content):
    token = re.compile(r'name="shown_at" value="([^"]+)"')
    first, second = Client().get("/alertes/"), Client().get("/alertes/")
    assert second["X-Page-Cache"] == "hit" and not second.cookies
    assert token.search(first.content.decode())[1] != token.search(second.content.decode())[1]
    foreign = Client(enforce_csrf_checks=True).post(
        "/alertes/", subscription_data(news="on"), HTTP_ORIGIN="https://piege.example"
    )
    assert foreign.status_code == 403 and "autre site" in foreign.content.decode()
    own = Client(enforce_csrf_checks=True).post(
        "/alertes/", subscription_data(news="on"), HTTP_ORIGIN="http://testserver"
    )
    assert own.status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == [
        subscription_data()["email"]
    ]


@pytest.mark.django_db
def test_an_expired_or_tampered_link_is_refused_in_french(client):
    subscriber = make_subscriber(confirmed_at=None)
    token = links.token(subscriber, "confirm")
    tampered = client.get(f"/alertes/confirmer/{token[:-2]}xx/")
    assert tampered.status_code == 400
    assert "Ce lien ne fonctionne pas" in tampered.content.decode()
    eight_days_ago = signing.time.time() - 8 * 86400
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        old = links.token(subscriber, "confirm")
    assert client.get(f"/alertes/confirmer/{old}/").status_code == 400
    # A link made for one purpose does not serve another.
    assert client.post(f"/alertes/desabonnement/{token}/").status_code == 400
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


@pytest.mark.django_db
def test_one_click_unsubscribe_without_a_cookie_deletes_the_address(initial_content):
    subscriber = make_subscriber()
    url = links.path(subscriber, "unsubscribe")
    # As a mail client does it (RFC 8058): a POST, no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and Unsubscription.objects.count() == 1
    gone = Client().get(url)
    assert gone.status_code == 404 and "n’existe plus" in gone.content.decode()


@pytest.mark.django_db
def test_criteria_are_changed_from_the_signed_link_without_an_account(client, initial_content):
    subscriber = make_subscriber(criteria={"news": {"themes": []}})
    url = links.path(subscriber, "manage")
    page = client.get(url)
    assert page.status_code == 200 and "no-cache" in page["Cache-Control"]
    response = client.post(url, {"frequency": "hebdomadaire", "events": "on", "departement": "59"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.frequency == "hebdomadaire"
    assert subscriber.criteria == {"events": {"departement": ["59"], "kind": []}}


@pytest.mark.django_db
def test_the_finder_and_a_scheme_page_lead_to_a_prefilled_form(client, initial_content):
    finder = client.get("/financements/?theme=jeunesse&pays=SN").content.decode()
    link = re.search(r'href="(/alertes/\?[^"]+)"', finder).group(1).replace("&amp;", "&")
    form = client.get(link).content.decode()
    assert re.search(r'value="jeunesse"[^>]*checked', form)
    assert re.search(r'<option value="SN" selected>', form)
    scheme = client.get("/financements/ficol/").content.decode()
    assert 'href="/alertes/?dispositif=ficol"' in scheme
    form = client.get("/alertes/?dispositif=ficol").content.decode()
    assert re.search(r'<option value="ficol" selected>', form)


@pytest.mark.django_db
def test_unconfirmed_subscriptions_are_deleted_after_seven_days(initial_content):
    from django.core.management import call_command
    from django.utils import timezone

    old = make_subscriber("ancien@exemple.fr", confirmed_at=None)
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    make_subscriber("recent@exemple.fr", confirmed_at=None)
    call_command("send_alerts", verbosity=0)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["recent@exemple.fr"]

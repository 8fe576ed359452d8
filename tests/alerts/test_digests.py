"""`send_alerts`: one digest per subscriber of what fits them, never an item twice, nothing
lost when the mail server fails, safe twice at once, one SMTP connection per batch."""

import re
import threading
import time

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from alerts import digests
from alerts.models import Delivery, Subscriber
from reference.models import AuthorityType, Theme
from tests.alerts.builders import make_subscriber
from tests.funding.builders import make_call, make_scheme


def water_and_youth_calls():
    commune = AuthorityType.objects.get(name="Commune")
    water = make_scheme(
        "Fonds eau test", types=[commune], themes=[Theme.objects.get(slug="eau-assainissement")]
    )
    youth = make_scheme(
        "Fonds jeunesse test", types=[commune], themes=[Theme.objects.get(slug="jeunesse")]
    )
    return make_call(water, "Appel eau 2027", closes_in_days=60), make_call(
        youth, "Appel jeunesse 2027", closes_in_days=60
    )


def water_subscriber(email="maire@commune-exemple.fr"):
    commune = AuthorityType.objects.get(name="Commune")
    criteria = {"calls": {"types": [str(commune.pk)], "themes": ["eau-assainissement"]}}
    return make_subscriber(email, criteria=criteria)


def digests_to(smtp, address):
    return [m for recipients, m in smtp.messages if recipients == [address]]


@pytest.mark.django_db
def test_the_mayor_gets_one_digest_with_the_water_call_and_a_second_run_sends_nothing(
    smtp, settings, initial_content
):
    settings.SITE_URL = "http://testserver"
    smtp.start()
    water_subscriber()
    water, _youth = water_and_youth_calls()
    call_command("send_alerts", verbosity=0)
    (digest,) = digests_to(smtp, "maire@commune-exemple.fr")
    text = digest.get_body(("plain",)).get_content()
    html = digest.get_body(("html",)).get_content()
    assert "Appel eau 2027" in text and "Appel eau 2027" in html
    assert "Appel jeunesse 2027" not in text
    assert "Clôture\u00a0:" in text and water.get_absolute_url() in text  # French spacing
    assert digest["From"] == settings.DEFAULT_FROM_EMAIL
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = "".join(str(digest["List-Unsubscribe"]).split())  # unfolded
    unsubscribe = re.fullmatch(r"<http://testserver(/alertes/desabonnement/\S+/)>", header).group(1)
    call_command("send_alerts", verbosity=0)
    assert len(smtp.messages) == 1
    # The one-click link of the headers works without a cookie.
    assert Client(enforce_csrf_checks=True).post(unsubscribe).status_code == 200
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()


@pytest.mark.django_db
def test_a_call_published_later_comes_in_the_next_digest_alone(smtp, initial_content):
    smtp.start()
    subscriber = water_subscriber()
    water, _youth = water_and_youth_calls()
    call_command("send_alerts", verbosity=0)
    # A day has passed since the first digest.
    Subscriber.objects.filter(pk=subscriber.pk).update(
        last_digest_at=digests.timezone.now() - digests.timedelta(days=1)
    )
    make_call(water.scheme, "Appel eau 2028", closes_in_days=90)
    call_command("send_alerts", verbosity=0)
    first, second = digests_to(smtp, subscriber.email)
    assert "Appel eau 2027" in first.get_body(("plain",)).get_content()
    body = second.get_body(("plain",)).get_content()
    assert "Appel eau 2028" in body and "Appel eau 2027" not in body


@pytest.mark.django_db
def test_smtp_down_the_command_fails_and_the_next_run_sends_everything(smtp, initial_content):
    water_subscriber()
    water_and_youth_calls()
    with pytest.raises(CommandError, match="non envoyé"):
        call_command("send_alerts", verbosity=0)
    assert Subscriber.objects.get().last_digest_at is None
    smtp.start()
    call_command("send_alerts", verbosity=0)
    (digest,) = digests_to(smtp, "maire@commune-exemple.fr")
    assert "Appel eau 2027" in digest.get_body(("plain",)).get_content()
    call_command("send_alerts", verbosity=0)
    assert len(smtp.messages) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_send_each_item_once(smtp, initial_content):
    smtp.start()
    for number in range(30):
        water_subscriber(f"maire{number}@exemple.fr")
    water_and_youth_calls()
    errors = []

    def run():
        try:
            digests.send_digests()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    recipients = sorted(r[0] for r, _m in smtp.messages)
    assert recipients == sorted(f"maire{n}@exemple.fr" for n in range(30))


@pytest.mark.django_db
def test_each_batch_of_digests_shares_one_smtp_connection(smtp, initial_content):
    smtp.start()
    Subscriber.objects.bulk_create(
        [Subscriber(email=f"abonne{n}@exemple.fr", criteria={"calls": {}},
                    confirmed_at=digests.timezone.now() - digests.timedelta(days=1))
         for n in range(digests.BATCH + 20)]
    )  # fmt: skip
    water_and_youth_calls()
    assert digests.send_digests() == (digests.BATCH + 20, 0)
    assert len(smtp.messages) == digests.BATCH + 20
    assert len(smtp.collector.connections) == 2


@pytest.mark.django_db
@pytest.mark.once  # heavy; the same on either database
def test_5000_subscribers_and_50_items_in_under_a_minute_with_bounded_queries(
    settings, initial_content
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    themes = list(Theme.objects.all())
    commune = AuthorityType.objects.get(name="Commune")
    confirmed = digests.timezone.now() - digests.timedelta(days=1)
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"abonne{n}@exemple.fr",
                confirmed_at=confirmed,
                criteria={
                    "calls": {"types": [str(commune.pk)], "themes": [themes[n % len(themes)].slug]},
                    "news": {},
                },
            )
            for n in range(5000)
        ]
    )
    from funding.models import Call

    Call.objects.all().delete()  # the initial content's announced calls: 50 items, no more
    for number in range(50):
        scheme = make_scheme(f"Fonds {number}", types=[commune], themes=[themes[number % 13]])
        make_call(scheme, f"Appel {number}", closes_in_days=30)
    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        sent, failed = digests.send_digests()
    elapsed = time.monotonic() - started
    assert (sent, failed) == (5000, 0) and len(mail.outbox) == 5000
    assert elapsed < 60, f"{elapsed:.1f} s"
    batches = 5000 // digests.BATCH
    # A few queries to find the items, and eight per batch: never one per subscriber or item.
    assert len(queries) <= 10 + 8 * batches, len(queries)
    print(f"5000 digests in {elapsed:.1f} s, {len(queries)} queries")


@pytest.mark.django_db
def test_done_when_a_mayor_subscribes_from_the_finder_and_gets_the_new_water_call(
    client, smtp, settings, initial_content, django_capture_on_commit_callbacks
):
    from tests.alerts.builders import subscription_data

    settings.SITE_URL = "http://testserver"
    smtp.start()
    commune = AuthorityType.objects.get(name="Commune")
    search = f"/financements/?collectivite={commune.pk}&theme=eau-assainissement"
    finder = client.get(search).content.decode()
    link = re.search(r'href="(/alertes/\?[^"]+)"', finder).group(1).replace("&amp;", "&")
    form = client.get(link).content.decode()
    # The form comes with the finder's choices: what the browser sends back.
    assert re.search(rf'<option value="{commune.pk}" selected>', form)
    assert re.search(r'value="eau-assainissement"[^>]*checked', form)
    assert re.search(r'name="calls"[^>]*checked', form)
    data = subscription_data(
        calls="on", authority_type=str(commune.pk), call_themes=["eau-assainissement"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/alertes/", data)
    (confirmation,) = digests_to(smtp, "maire@commune-exemple.fr")
    confirm = re.search(r"http://testserver(/alertes/confirmer/\S+/)", confirmation.get_content())
    Client().post(confirm.group(1))
    water_and_youth_calls()
    call_command("send_alerts", verbosity=0)
    messages = digests_to(smtp, "maire@commune-exemple.fr")
    assert len(messages) == 2  # the confirmation, then one digest
    body = messages[1].get_body(("plain",)).get_content()
    assert "Appel eau 2027" in body and "Appel jeunesse 2027" not in body

"""Staff notifications through a real SMTP server: sent after commit, retried, never twice."""

import threading
from datetime import timedelta

import pytest
from django.core.mail.backends import locmem
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from aict_site.notifying import CLAIM_SECONDS, send_pending
from contacts.models import ContactRequest
from contacts.notifications import notify
from tests.contacts.builders import contact_data, make_contact_request


def post(client, capture, **overrides):
    with capture(execute=True):
        return client.post("/contact/", contact_data(**overrides))


@pytest.mark.django_db
def test_a_valid_request_reaches_the_smtp_server(
    client, initial_content, smtp, django_capture_on_commit_callbacks
):
    smtp.start()
    assert post(client, django_capture_on_commit_callbacks).status_code == 302
    assert len(smtp.messages) == 1
    recipients, message = smtp.messages[0]
    assert recipients == ["equipe@lianes.example"]
    assert message["Reply-To"] == "camille.martin@mairie-exemple.fr"
    assert "Question sur un financement" in message["Subject"]
    assert "notre commune souhaite monter un jumelage" in message.get_body().get_content()
    assert ContactRequest.objects.get().notified_at is not None


@pytest.mark.django_db
def test_with_the_mail_server_down_the_request_is_kept_and_retried_once(
    client, staff_client, initial_content, smtp, django_capture_on_commit_callbacks, caplog
):
    response = post(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302, "the visitor sees the same thank-you page"
    stored = ContactRequest.objects.get()
    assert stored.notified_at is None
    assert stored.notification_attempts == 1
    assert stored.notification_error
    assert "camille" not in caplog.text.lower() and "jumelage" not in caplog.text

    listing = staff_client.get(reverse("admin:contacts_contactrequest_changelist") + "?notified=no")
    assert "Camille Martin" in listing.content.decode()

    with pytest.raises(CommandError):
        call_command("send_pending_notifications", verbosity=0)
    smtp.start()
    call_command("send_pending_notifications", verbosity=0)
    assert len(smtp.messages) == 1
    call_command("send_pending_notifications", verbosity=0)
    assert len(smtp.messages) == 1, "a notification already sent is never sent again"
    assert ContactRequest.objects.get().notified_at is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_senders_at_once_send_each_notification_once(initial_content, smtp):
    smtp.start()
    ids = [make_contact_request(f"Personne {index}").pk for index in range(10)]
    barrier = threading.Barrier(2)

    def sender():
        from django.db import connection

        barrier.wait()
        for request_id in ids:
            notify(request_id)
        connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(smtp.messages) == 10
    assert ContactRequest.objects.filter(notified_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_a_claim_left_by_a_dead_worker_is_sent_later_and_a_fresh_one_is_left_alone(
    initial_content, smtp
):
    smtp.start()
    dead = make_contact_request("Abandonnée")
    busy = make_contact_request("En cours")
    now = timezone.now()
    ContactRequest.objects.filter(pk=dead.pk).update(
        notification_claimed_at=now - timedelta(seconds=CLAIM_SECONDS + 60)
    )
    ContactRequest.objects.filter(pk=busy.pk).update(notification_claimed_at=now)

    assert send_pending() == (1, 1)
    assert "Abandonnée" in smtp.messages[0][1]["Subject"]
    dead.refresh_from_db()
    busy.refresh_from_db()
    assert dead.notified_at is not None and dead.notification_claimed_at is None
    assert busy.notified_at is None, "another worker is sending it: never twice"


class WatchingBackend(locmem.EmailBackend):
    """Notes, at the moment of sending, whether a transaction is open and the claim is seen."""

    seen = {}

    def send_messages(self, messages):
        WatchingBackend.seen = {
            "in_atomic": connection.in_atomic_block,
            "claimed": ContactRequest.objects.filter(notification_claimed_at__isnull=False).count(),
        }
        return super().send_messages(messages)


def test_no_transaction_is_open_while_the_mail_server_is_talked_to(
    transactional_db, django_db_serialized_rollback, initial_content, settings
):
    """A hung mail server must not hold a database lock: nothing is in an atomic block when
    the message goes out, and the claim is already committed."""
    settings.EMAIL_BACKEND = f"{__name__}.WatchingBackend"
    settings.NOTIFY_EMAILS = ["equipe@lianes.example"]
    assert notify(make_contact_request("Camille").pk) is True
    assert WatchingBackend.seen == {"in_atomic": False, "claimed": 1}


@pytest.mark.django_db
def test_a_request_nobody_can_receive_says_why_in_french(initial_content, settings):
    from contacts.models import Office

    settings.NOTIFY_EMAILS = []
    Office.objects.update(notify_email="")
    request = make_contact_request()
    assert not notify(request.pk)
    stored = ContactRequest.objects.get(pk=request.pk)
    expected = "aucun destinataire : ni adresse de bureau, ni NOTIFY_EMAILS"
    assert stored.notification_error == expected

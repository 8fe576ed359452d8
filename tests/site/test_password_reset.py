"""Password reset: no inbox flooding, and no way to tell from the answer who has an account."""

import time

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.contacts.smtp import HungSMTPServer

RESET = f"/{django_settings.ADMIN_URL}password_reset/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "claire", "claire@lianes.example", "le bon mot de passe 2026", is_staff=True
    )


@pytest.mark.django_db
def test_twelve_requests_for_one_account_send_at_most_three_emails(staff, mailoutbox, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 100
    for index in range(12):
        visitor = Client(REMOTE_ADDR=f"192.0.2.{index + 1}")
        response = visitor.post(RESET, {"email": "claire@lianes.example"})
        assert response.status_code == 302, "the answer never changes"
    assert len(mailoutbox) == settings.PASSWORD_RESET_ACCOUNT_LIMIT == 3


@pytest.mark.django_db
def test_one_client_address_is_limited_with_a_french_message(staff, mailoutbox, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 5
    visitor = Client(REMOTE_ADDR="192.0.2.10")
    for index in range(5):
        assert visitor.post(RESET, {"email": f"personne{index}@example.org"}).status_code == 302
    response = visitor.post(RESET, {"email": "claire@lianes.example"})
    assert response.status_code == 429
    assert "Réessayez dans une heure" in response.content.decode()
    assert mailoutbox == []
    other = Client(REMOTE_ADDR="192.0.2.11")
    assert other.post(RESET, {"email": "claire@lianes.example"}).status_code == 302
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_answer_takes_the_same_time_whether_or_not_the_account_exists(staff, settings):
    """With a mail server that never answers, sending inline would take EMAIL_TIMEOUT for a
    real account and nothing for an unknown one."""
    hung = HungSMTPServer()
    settings.SEND_MAIL_IN_BACKGROUND = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", hung.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 3
    try:
        timings = {}
        for email in ("claire@lianes.example", "personne@example.org"):
            started = time.monotonic()
            response = Client().post(RESET, {"email": email})
            timings[email] = time.monotonic() - started
            assert response.status_code == 302
    finally:
        hung.stop()
    assert max(timings.values()) < 1, timings

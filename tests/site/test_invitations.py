"""« Inviter un collègue »: one screen (name, address, role) makes a staff account in its role
and mails a link to choose a password; the colleague then logs in."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.helpers import squashed

ADMIN = "/" + settings.ADMIN_URL
INVITE = f"{ADMIN}auth/user/inviter/"
PASSWORD = "Une phrase de passe assez longue 2026"


def invite(client, **changes):
    data = {"first_name": "Inès", "last_name": "Garcia", "email": "Ines.Garcia@lianes.example",
            "role": "Accueil", **changes}  # fmt: skip
    return client.post(INVITE, data, follow=True)


@pytest.mark.django_db
def test_an_invited_colleague_chooses_a_password_and_logs_in(staff_client, initial_content):
    users = staff_client.get(f"{ADMIN}auth/user/").content.decode()
    assert f'href="{INVITE}"' in users and "Inviter un collègue" in users
    response = invite(staff_client)
    assert "Invitation envoyée à ines.garcia@lianes.example" in squashed(response.content.decode())
    user = get_user_model().objects.get(email="ines.garcia@lianes.example")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Accueil"]
    (message,) = mail.outbox
    assert message.to == ["ines.garcia@lianes.example"]
    assert "Bonjour Inès," in message.body and "« Accueil »" in message.body
    link = re.search(r"https?://\S+/reinitialiser/\S+/", message.body).group(0)
    colleague = Client()
    form = colleague.get(link.split("testserver", 1)[1], follow=True)
    assert form.status_code == 200
    done = colleague.post(
        form.request["PATH_INFO"], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert done.status_code == 302
    login = colleague.post(
        reverse("admin:login"), {"username": "ines.garcia@lianes.example", "password": PASSWORD}
    )
    assert login.status_code == 302
    assert colleague.get(reverse("admin:contacts_contactrequest_changelist")).status_code == 200


@pytest.mark.django_db
def test_an_address_already_in_use_is_refused_in_french(staff_client, initial_content):
    invite(staff_client)
    again = invite(staff_client, email="INES.garcia@lianes.example")
    assert "Un compte utilise déjà cette adresse." in again.content.decode()
    assert get_user_model().objects.filter(email__iexact="ines.garcia@lianes.example").count() == 1


@pytest.mark.django_db
def test_when_the_mail_cannot_leave_the_account_is_kept_and_the_link_shown(
    staff_client, initial_content, smtp
):
    # The SMTP server is not started: the mail is refused.
    response = invite(staff_client)
    html = squashed(response.content.decode())
    assert "le courriel n’a pas pu partir" in html and "/reinitialiser/" in html
    assert get_user_model().objects.filter(email="ines.garcia@lianes.example").exists()


@pytest.mark.django_db
def test_only_administrators_invite(client, django_user_model, initial_content):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("claire", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Rédaction"))
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(INVITE).status_code == 403


@pytest.mark.django_db
def test_an_account_without_staff_status_is_told_it_cannot_log_in(staff_client, initial_content):
    user = get_user_model().objects.create_user("paul", "paul@lianes.example", "x")
    url = f"{ADMIN}auth/user/{user.pk}/change/"
    from tests.admin_forms import admin_form_data

    response = staff_client.post(url, admin_form_data(staff_client.get(url)), follow=True)
    assert "Paul ne peut pas se connecter à l’administration" in response.content.decode()

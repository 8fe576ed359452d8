"""Histories name the changed fields in French (« Modifié : titre court dans le menu. »), for
a record's own fields and its inlines'."""

import re

import pytest
from django.conf import settings

from pages.models import Page
from tests.admin_forms import admin_form_data
from tests.contacts.builders import make_contact_request

ADMIN = "/" + settings.ADMIN_URL


def history(client, url):
    html = client.get(url).content.decode()
    return re.findall(r"<td>([^<]*Modifié[^<]*)</td>", html)


@pytest.mark.django_db
def test_histories_name_the_changed_fields_in_french(staff_client, initial_content):
    page = Page.objects.get(slug="contact")
    change = f"{ADMIN}pages/page/{page.pk}/change/"
    staff_client.post(change, admin_form_data(staff_client.get(change), menu_title="Écrire"))
    (entry,) = history(staff_client, f"{ADMIN}pages/page/{page.pk}/history/")
    assert entry.startswith("Modifié : ") and "titre court dans le menu." in entry
    settings_change = f"{ADMIN}pages/sitesettings/1/change/"
    staff_client.post(
        settings_change, admin_form_data(staff_client.get(settings_change), host_address="1 rue X")
    )
    assert history(staff_client, f"{ADMIN}pages/sitesettings/1/history/") == [
        "Modifié : adresse de l’hébergeur."
    ]
    request = make_contact_request()
    change = f"{ADMIN}contacts/contactrequest/{request.pk}/change/"
    staff_client.post(change, admin_form_data(staff_client.get(change), internal_notes="Rappel."))
    html = staff_client.get(f"{ADMIN}contacts/contactrequest/{request.pk}/history/").content
    assert "notes internes" in html.decode().lower()

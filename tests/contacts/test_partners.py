import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from contacts.models import Partner
from tests.admin_forms import admin_form_data
from tests.helpers import squashed


@pytest.mark.django_db
def test_partners_page_lists_names_in_the_clients_order(client, initial_content):
    html = client.get("/partenaires/").content.decode()
    assert html.index("Crajep") < html.index("Fondation Norsys") < html.index("France Travail")
    assert "<h1>Nos partenaires</h1>" in html


@pytest.mark.django_db
def test_an_uploaded_logo_is_resized_and_named(staff_client, client, initial_content):
    partner = Partner.objects.get(name="FONJEP")
    url = reverse("admin:contacts_partner_change", args=[partner.pk])
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 250), (10, 80, 160)).save(buffer, "PNG")
    logo = SimpleUploadedFile("fonjep.png", buffer.getvalue(), content_type="image/png")
    response = staff_client.post(
        url, admin_form_data(staff_client.get(url), logo=logo, url="https://www.fonjep.org")
    )
    assert response.status_code == 302
    html = client.get("/partenaires/").content.decode()
    assert 'alt="FONJEP" width="240" height="60"' in squashed(html)
    assert '<a href="https://www.fonjep.org">' in html
    partner.refresh_from_db()
    with Image.open(partner.logo_display.path) as resized:
        assert resized.size == (240, 60)


@pytest.mark.django_db
def test_a_fake_logo_is_refused(staff_client, initial_content):
    partner = Partner.objects.get(name="FONJEP")
    url = reverse("admin:contacts_partner_change", args=[partner.pk])
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = staff_client.post(url, admin_form_data(staff_client.get(url), logo=fake))
    assert response.status_code == 200
    assert not Partner.objects.get(pk=partner.pk).logo

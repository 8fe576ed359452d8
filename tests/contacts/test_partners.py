import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from contacts.models import Partner
from tests.admin_forms import admin_form_data
from tests.helpers import squashed


@pytest.mark.django_db
def test_the_partners_page_groups_them_by_kind_in_the_order_staff_set(client, initial_content):
    html = client.get("/partenaires/").content.decode()
    assert "<h1>Nos partenaires</h1>" in html
    headings = re.findall(r'<h2 id="partners-\d+">(.*?)</h2>', html)
    assert headings == [
        "Institutions publiques", "Collectivités territoriales",
        "Associations et réseaux", "Financeurs",
    ]  # fmt: skip
    groups = html.split('<h2 id="partners-')
    assert "Ville de Lille" in groups[2] and "Ministère de l’Europe" in groups[1]
    assert '<a href="https://www.diplomatie.gouv.fr/">' in groups[1]
    assert groups[4].index("FONJEP") < groups[4].index("Fondation Norsys")
    for name, change in (("Fondation Norsys", {"position": 0}), ("Crajep", {"kind": ""})):
        partner = Partner.objects.get(name=name)
        for field, value in change.items():
            setattr(partner, field, value)
        partner.save()  # as the admin does: the cached page is dropped
    html = client.get("/partenaires/").content.decode()
    groups = html.split('<h2 id="partners-')
    assert groups[4].index("Fondation Norsys") < groups[4].index("FONJEP")
    assert "Autres partenaires</h2>" in groups[5] and "Crajep" in groups[5]


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
    # WebP for the browsers that read it, at 1× and 2×; the PNG for the others.
    srcset = re.search(r'<source type="image/webp" srcset="([^"]+)">', html).group(1)
    assert srcset == f"{partner.logo_webp.url} 1x, {partner.logo_webp_2x.url} 2x"
    for copy, size in ((partner.logo_webp, (240, 60)), (partner.logo_webp_2x, (480, 120))):
        with Image.open(copy.path) as webp:
            assert (webp.format, webp.size) == ("WEBP", size)


@pytest.mark.django_db
def test_a_fake_logo_is_refused(staff_client, initial_content):
    partner = Partner.objects.get(name="FONJEP")
    url = reverse("admin:contacts_partner_change", args=[partner.pk])
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = staff_client.post(url, admin_form_data(staff_client.get(url), logo=fake))
    assert response.status_code == 200
    assert not Partner.objects.get(pk=partner.pk).logo
